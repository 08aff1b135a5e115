from cogmap.cli import main

main()
