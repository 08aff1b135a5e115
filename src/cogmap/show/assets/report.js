/* cogmap report page script. Input data is read from the JSON block and put in
   the page only through textContent / createTextNode, never as markup. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("cogmap-data").textContent);

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }
  function fmt(x, d) { return (x > 0 ? "+" : x < 0 ? "\u2212" : "") + Math.abs(x).toFixed(d === undefined ? 2 : d); }
  function own(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  // Links to other views exist only when the page is served by `cogmap serve` (DATA.nav, set by the
  // server, never by the input): a fixed path prefix plus an encoded id or name, so never a javascript: URL.
  var NAV = DATA.nav || null;
  function navLink(kind, key, text) {
    if (!NAV || !own(NAV, kind) || key === null || key === undefined || key === "") return document.createTextNode(String(text));
    var a = el("a", null, text);
    a.href = NAV[kind] + encodeURIComponent(String(key));
    return a;
  }
  function pct(p) { return p === null || p === undefined ? "" : Math.round(p * 100) + "%"; }
  var labelOf = Object.create(null);  // no prototype: a concept may be called "__proto__"
  // Cytoscape gets its own ids (n0, n1, ...): concept ids are input and may be "__proto__" or "constructor".
  var cyOf = Object.create(null), cidOf = Object.create(null);
  DATA.nodes.forEach(function (n, i) { labelOf[n.id] = n.label; cyOf[n.id] = "n" + i; cidOf["n" + i] = n.id; });

  // -- header -------------------------------------------------------------------------
  document.title = "cogmap: " + DATA.title;
  $("title").textContent = DATA.title;
  var nl = DATA.loops.loops.length;
  var nd = (DATA.documents || []).length;
  $("summary").textContent = DATA.nodes.length + " concepts, " + DATA.edges.length + " links, " +
    nl + " feedback loop" + (nl === 1 ? "" : "s") + ", " + DATA.forecasts.length + " forecast" +
    (DATA.forecasts.length === 1 ? "" : "s") +
    (DATA.kind === "corpus" ? "" : DATA.sources.length ? " \u2014 source: " + DATA.sources.join(", ") : "") +
    (DATA.kind === "model" ? " (model file)" : DATA.kind === "corpus" ? " \u2014 merged from " + nd + " document" +
      (nd === 1 ? "" : "s") + " of the corpus" : DATA.kind === "document" ? " (a document of the corpus)" :
      " (extracted from the article)");
  if (NAV && own(NAV, "index")) {
    var back = el("p", "nav");
    var up = el("a", null, "\u2190 all documents and speakers");
    up.href = NAV.index;
    back.appendChild(up);
    $("title").parentNode.insertBefore(back, $("title"));
  }

  // -- article ------------------------------------------------------------------------
  var article = $("article");
  function showText(range) {
    clear(article);
    var t = DATA.text || "";
    if (!range) { article.appendChild(document.createTextNode(t)); return null; }
    article.appendChild(document.createTextNode(t.slice(0, range[0])));
    var m = el("mark", null, t.slice(range[0], range[1]));
    article.appendChild(m);
    article.appendChild(document.createTextNode(t.slice(range[1])));
    return m;
  }
  function jumpTo(range) {
    var m = showText(range);
    if (!m) return;
    var top = m.offsetTop - article.offsetTop - article.clientHeight / 3;
    article.scrollTop = Math.max(0, top);
    article.scrollIntoView({ block: "nearest" });
  }
  if (DATA.text) {
    $("article-source").textContent = (DATA.sources.length ? DATA.sources.join(", ") + ": " : "") +
      "the text the quotes come from; clicking a link or a quote highlights it here.";
    showText(null);
  } else {
    $("article-section").style.display = "none";
  }

  // -- map ------------------------------------------------------------------------------
  // Labels are drawn below small shapes, so that a label's room, not the shape's, sets the spacing.
  // No label is ever drawn under MIN_PX on screen: when the whole map is in view and the labels cannot
  // all fit at that size, the most connected concepts keep theirs and the rest appear on zoom or hover.
  var FONT = 14, MIN_PX = 12, TEXT_W = 120, FONT_FAMILY = "Helvetica, Arial, sans-serif";
  var BY_SUPPORT = DATA.kind === "corpus";  // in a corpus, how many claims back a link says more than their mean weight
  function squash(s) { return String(s).replace(/\s+/g, " ").trim(); }
  function shortLabel(s) {
    s = squash(s);
    if (s.length <= 34) return s;
    var cut = s.slice(0, 33), sp = cut.lastIndexOf(" ");
    if (sp > 18) cut = cut.slice(0, sp);
    return cut.replace(/[\s,;:.\-\u2013\u2014]+$/, "") + "\u2026";
  }
  function quotesOf(e) { return e.support ? e.support.claims : e.evidence.length; }
  var degree = Object.create(null), quoteCount = Object.create(null);
  DATA.nodes.forEach(function (n) { degree[n.id] = 0; quoteCount[n.id] = 0; });
  DATA.edges.forEach(function (e) {
    degree[e.source]++; degree[e.target]++;
    quoteCount[e.source] += quotesOf(e); quoteCount[e.target] += quotesOf(e);
  });
  function edgeKind(e) { return e.contested ? "contested" : e.weight > 0 ? "plus" : e.weight < 0 ? "minus" : "zero"; }
  var elements = [];
  DATA.nodes.forEach(function (n) {
    var d = degree[n.id];
    var item = { group: "nodes", data: { id: cyOf[n.id], label: shortLabel(n.label), role: n.role, deg: d,
      size: Math.min(46, 16 + 5 * Math.sqrt(d)), fs: FONT, tw: TEXT_W } };
    if (n.position) item.position = { x: n.position.x, y: n.position.y };
    elements.push(item);
  });
  DATA.edges.forEach(function (e) {
    elements.push({ group: "edges", data: { id: e.id, source: cyOf[e.source], target: cyOf[e.target], weight: e.weight,
      sign: e.sign, kind: edgeKind(e), reviewed: e.review ? e.review.status : "",
      w: BY_SUPPORT ? Math.min(10, 1.5 + 2.5 * Math.log2(1 + quotesOf(e))) : 1.5 + 5 * Math.abs(e.weight) } });
  });
  // More concepts, more room: the map (and the panel beside it) grow with the square root of their number.
  var mapHeight = Math.round(Math.min(1500, Math.max(620, 130 * Math.sqrt(DATA.nodes.length))));
  $("map").style.height = mapHeight + "px";
  $("panel").style.maxHeight = mapHeight + "px";
  var COLORS = { plus: "#1a8f3a", minus: "#c62828", contested: "#8e44ad", zero: "#8a96a3",
    driver: "#f2a93b", receiver: "#5b8def", ordinary: "#cfd8e3", unlinked: "#eef1f4" };
  var cy = cytoscape({
    container: $("map"),
    elements: elements,
    minZoom: 0.05, maxZoom: 4, wheelSensitivity: 0.4,
    style: [
      { selector: "node", style: { "label": "data(label)", "text-wrap": "wrap", "text-max-width": "data(tw)",
        "font-size": "data(fs)", "min-zoomed-font-size": MIN_PX, "font-family": FONT_FAMILY, "color": "#1d232b",
        "text-valign": "bottom", "text-halign": "center", "text-margin-y": 3,
        "text-background-color": "#ffffff", "text-background-opacity": 0.85, "text-background-padding": 1,
        "width": "data(size)", "height": "data(size)", "shape": "ellipse",
        "background-color": COLORS.ordinary, "border-width": 1.5, "border-color": "#6b7785" } },
      { selector: "node[role = 'driver']", style: { "shape": "diamond", "background-color": COLORS.driver } },
      { selector: "node[role = 'receiver']", style: { "shape": "round-rectangle", "background-color": COLORS.receiver } },
      { selector: "node[role = 'unlinked']", style: { "background-color": COLORS.unlinked, "border-style": "dashed" } },
      { selector: "node.nolabel", style: { "label": "" } },
      { selector: "edge", style: { "width": "data(w)", "curve-style": "bezier", "target-arrow-shape": "triangle",
        "arrow-scale": 1.1, "line-color": COLORS.plus, "target-arrow-color": COLORS.plus, "opacity": 0.85 } },
      { selector: "edge[kind = 'minus']", style: { "line-color": COLORS.minus, "target-arrow-color": COLORS.minus,
        "line-style": "dashed", "target-arrow-shape": "tee" } },
      { selector: "edge[kind = 'contested']", style: { "line-color": COLORS.contested, "target-arrow-color": COLORS.contested,
        "line-style": "dotted", "target-arrow-shape": "triangle-tee" } },
      { selector: "edge[kind = 'zero']", style: { "line-color": COLORS.zero, "target-arrow-color": COLORS.zero,
        "target-arrow-shape": "circle" } },
      { selector: "edge[reviewed = 'accepted']", style: { "underlay-color": "#1d232b", "underlay-opacity": 0.18,
        "underlay-padding": 3 } },
      { selector: ".faded", style: { "opacity": 0.12 } },
      { selector: ".filtered", style: { "display": "none" } },
      { selector: "node.match", style: { "border-width": 4, "border-color": "#e0a800", "background-color": "#ffe066" } },
      { selector: "node.hl", style: { "border-width": 4, "border-color": "#8e44ad" } },
      { selector: "edge.hl", style: { "opacity": 1, "z-index": 10 } },
      { selector: "edge:selected", style: { "overlay-opacity": 0.3, "overlay-color": "#8e44ad", "overlay-padding": 6,
        "opacity": 1, "z-index": 20 } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#1d232b" } }
    ],
    layout: { name: "preset", fit: false }
  });

  // Label sizes are measured here rather than asked of Cytoscape, so that hidden labels can be
  // weighed too; the wrapping follows Cytoscape's (words onto lines no wider than text-max-width).
  var measureCtx = document.createElement("canvas").getContext("2d");
  function wrapLines(text, fs, maxw) {
    measureCtx.font = fs + "px " + FONT_FAMILY;
    var words = text.split(" "), lines = [], line = "";
    words.forEach(function (w) {
      var tryLine = line ? line + " " + w : w;
      if (line && measureCtx.measureText(tryLine).width > maxw) { lines.push(line); line = w; } else { line = tryLine; }
    });
    if (line) lines.push(line);
    var width = 0;
    lines.forEach(function (l) { width = Math.max(width, measureCtx.measureText(l).width); });
    return { lines: lines, width: width, height: lines.length * fs * 1.2 };
  }
  function labelBox(n, fs, tw) {  // model coordinates of the label drawn below node n
    var p = n.position(), half = n.data("size") / 2, m = wrapLines(n.data("label"), fs, tw), e = 5 * fs / FONT;
    // some margin beyond the glyphs, in proportion to the font: Cytoscape's own label box is a little
    // wider than the measured text, and more so for a large font
    return { x1: p.x - m.width / 2 - e, x2: p.x + m.width / 2 + e, y1: p.y + half + 2, y2: p.y + half + 6 + m.height };
  }
  var layoutFs = FONT;  // the label size the layout makes room for (see arrange)
  function nodeBox(n, withLabel) {
    var p = n.position(), half = n.data("size") / 2, b = { x1: p.x - half, x2: p.x + half, y1: p.y - half, y2: p.y + half };
    if (withLabel) {
      var m = n.scratch("_label");  // the label at layoutFs, measured once: layouts ask for it many times
      if (!m) { m = wrapLines(n.data("label"), layoutFs, TEXT_W * layoutFs / FONT); n.scratch("_label", m); }
      var e = 5 * layoutFs / FONT;
      b = { x1: Math.min(b.x1, p.x - m.width / 2 - e), x2: Math.max(b.x2, p.x + m.width / 2 + e), y1: b.y1, y2: p.y + half + 6 + m.height };
    }
    return b;
  }
  function overlaps(a, b) { return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2; }

  // Each connected part is laid out on its own; the largest comes first, and the small fragments
  // (three concepts or fewer) are packed together below the rest. A part without a cycle is drawn
  // in layers, causes above their effects; a part with a feedback loop by fCoSE, a force layout that
  // draws a loop as a ring.
  function layers(nodes) {
    var indeg = {}, depth = {}, queue = [], seen = 0;
    nodes.forEach(function (n) { indeg[n.id()] = n.incomers("edge").length; depth[n.id()] = 0; });
    nodes.forEach(function (n) { if (!indeg[n.id()]) queue.push(n); });
    while (queue.length) {
      var n = queue.shift(); seen++;
      n.outgoers("edge").forEach(function (e) {
        var m = e.target().id();
        depth[m] = Math.max(depth[m], depth[n.id()] + 1);
        if (--indeg[m] === 0) queue.push(e.target());
      });
    }
    return seen === nodes.length ? depth : null;  // null: there is a cycle
  }
  function layered(nodes, depth, ratio) {
    var rows = [];
    nodes.forEach(function (n) { (rows[depth[n.id()]] = rows[depth[n.id()]] || []).push(n); });
    var widths = Object.create(null), heights = Object.create(null), total = 0;
    nodes.forEach(function (n) {
      var b = nodeBox(n, true);
      widths[n.id()] = b.x2 - b.x1 + 26; heights[n.id()] = b.y2 - b.y1; total += widths[n.id()];
    });
    // A layer wider than the map allows wraps onto sub-rows (a hub's many effects, say).
    var maxRowW = Math.max(700, Math.sqrt(total * 90 * Math.max(1, ratio)) * 1.3), y = 0;
    rows.forEach(function (row) {
      if (!row) return;
      // order each layer by the mean position of the causes above, to keep links short and straight
      row.forEach(function (n) {
        var xs = n.incomers("node").map(function (m) { return m.scratch("_x") || 0; });
        n.scratch("_x", xs.length ? xs.reduce(function (a, b) { return a + b; }, 0) / xs.length : 0);
      });
      row.sort(function (a, b) { return a.scratch("_x") - b.scratch("_x"); });
      var parts = [], cur = [], curW = 0;
      row.forEach(function (n) {
        if (cur.length && curW + widths[n.id()] > maxRowW) { parts.push(cur); cur = []; curW = 0; }
        cur.push(n); curW += widths[n.id()];
      });
      if (cur.length) parts.push(cur);
      parts.forEach(function (part, k) {
        var w = part.reduce(function (t, n) { return t + widths[n.id()]; }, 0), x = -w / 2 + (k % 2 ? 40 : 0), h = 0;
        part.forEach(function (n) {
          var cx = x + widths[n.id()] / 2;
          n.scratch("_x", cx);
          n.position({ x: cx, y: y + n.data("size") / 2 });
          x += widths[n.id()];
          h = Math.max(h, heights[n.id()]);
        });
        y += h + 46;
      });
    });
  }
  // fCoSE starts from a spectral layout that samples with Math.random; a fixed seed for the length of
  // the layout makes the same map come out the same every time it is opened.
  function seeded(fn) {
    var saved = Math.random, a = 0x2f6b7c1d;
    Math.random = function () {  // mulberry32
      a = (a + 0x6d2b79f5) | 0;
      var t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    try { fn(); } finally { Math.random = saved; }
  }
  // A map that fits the view only at a small zoom draws its labels larger in map units (so that none
  // falls under MIN_PX on screen), and labels laid out at FONT would then cover each other. So when
  // the fitted zoom is too small the layout is made again with room for the larger labels; the map
  // grows with them, so a few rounds, each with a little to spare, settle it. A map that would need
  // labels far larger than FONT is too big to label in full at first sight anyway: spreading it out
  // would only shrink it, so it keeps its first layout and placeLabels picks the labels it can show.
  function arrange() {
    for (var round = 0; ; round++) {
      arrangeOnce();
      var need = (MIN_PX + 0.05) / cy.zoom();
      if (need <= layoutFs || need > 1.6 * FONT || round === 2) break;
      layoutFs = need * 1.06;
      cy.batch(function () {
        cy.nodes().forEach(function (n) { n.removeScratch("_label"); });
        cy.nodes().data({ fs: layoutFs, tw: TEXT_W * layoutFs / FONT });
      });
    }
  }
  function arrangeOnce() {
    var ratio = cy.width() / Math.max(1, cy.height()), boxes = [];
    cy.elements().components().forEach(function (comp) {
      var nodes = comp.nodes();
      if (nodes.length > 1) {
        var depth = layers(nodes);
        if (depth) layered(nodes, depth, ratio);
        else {
          seeded(function () { comp.layout({ name: "fcose", quality: "proof", randomize: true, animate: false, fit: false,
            nodeDimensionsIncludeLabels: true, packComponents: false, nodeSeparation: 90, idealEdgeLength: function () { return 110; },
            nodeRepulsion: function () { return 9000; }, edgeElasticity: function () { return 0.45; }, gravity: 0.25,
            numIter: 2500, tile: false, uniformNodeDimensions: false }).run(); });
          // fCoSE may still leave two labels on top of each other: nudge them apart
          for (var pass = 0; pass < (nodes.length <= 150 ? 30 : 5); pass++) {
            var moved = false, arr = nodes.toArray();
            for (var i = 0; i < arr.length; i++) for (var j = i + 1; j < arr.length; j++) {
              var a = nodeBox(arr[i], true), b = nodeBox(arr[j], true);
              if (!overlaps(a, b)) continue;
              var dx = Math.min(a.x2 - b.x1, b.x2 - a.x1), dy = Math.min(a.y2 - b.y1, b.y2 - a.y1);
              var pa = arr[i].position(), pb = arr[j].position();
              if (dx < dy) { var sx = (pa.x <= pb.x ? -1 : 1) * (dx / 2 + 1); arr[i].position({ x: pa.x + sx, y: pa.y }); arr[j].position({ x: pb.x - sx, y: pb.y }); }
              else { var sy = (pa.y <= pb.y ? -1 : 1) * (dy / 2 + 1); arr[i].position({ x: pa.x, y: pa.y + sy }); arr[j].position({ x: pb.x, y: pb.y - sy }); }
              moved = true;
            }
            if (!moved) break;
          }
        }
      } else {
        nodes.position({ x: 0, y: 0 });
      }
      var bb = null;
      nodes.forEach(function (n) {
        var b = nodeBox(n, true);
        bb = bb ? { x1: Math.min(bb.x1, b.x1), x2: Math.max(bb.x2, b.x2), y1: Math.min(bb.y1, b.y1), y2: Math.max(bb.y2, b.y2) } : b;
      });
      bb.w = bb.x2 - bb.x1; bb.h = bb.y2 - bb.y1;
      boxes.push({ comp: comp, n: nodes.length, bb: bb });
    });
    boxes.sort(function (a, b) { return b.n - a.n || b.bb.h - a.bb.h || b.bb.w - a.bb.w; });
    // Pack the parts in rows, trying several row widths and keeping the one that the map shows largest.
    var gap = 40, total = 0, maxw = 0;
    boxes.forEach(function (b) { total += b.bb.w + gap; maxw = Math.max(maxw, b.bb.w); });
    function pack(rowWidth, apply) {
      var x = 0, y = 0, rowH = 0, inFragments = false, width = 0;
      boxes.forEach(function (b) {
        var fragment = b.n <= 3 && boxes[0].n > 3;
        if (fragment && !inFragments) {  // fragments start on a row of their own, a little apart
          inFragments = true;
          if (x > 0) { x = 0; y += rowH + gap * 2; rowH = 0; }
        }
        if (x > 0 && x + b.bb.w > rowWidth) { x = 0; y += rowH + gap; rowH = 0; }
        if (apply) {
          var dx = x - b.bb.x1, dy = y - b.bb.y1;
          b.comp.nodes().positions(function (n) { var p = n.position(); return { x: p.x + dx, y: p.y + dy }; });
        }
        x += b.bb.w + gap;
        width = Math.max(width, x - gap);
        rowH = Math.max(rowH, b.bb.h);
      });
      return Math.min(cy.width() / Math.max(1, width), cy.height() / Math.max(1, y + rowH));
    }
    var best = maxw, bestZoom = 0;
    for (var k = 0; k <= 24; k++) {
      var rw = maxw + (Math.max(maxw, total) - maxw) * k / 24, zk = pack(rw, false);
      if (zk > bestZoom * 1.001) { bestZoom = zk; best = rw; }
    }
    pack(best, true);
    // The map takes the height its drawing needs at the map's width, within bounds, so that a wide
    // drawing does not leave a tall empty box.
    var bb = null;
    cy.nodes().forEach(function (n) {
      var b = nodeBox(n, true);
      bb = bb ? { x1: Math.min(bb.x1, b.x1), x2: Math.max(bb.x2, b.x2), y1: Math.min(bb.y1, b.y1), y2: Math.max(bb.y2, b.y2) } : b;
    });
    if (bb) {
      var want = Math.round(cy.width() * (bb.y2 - bb.y1 + 48) / Math.max(1, bb.x2 - bb.x1 + 48));
      var h = Math.max(420, Math.min(mapHeight, want));
      if (h !== cy.height()) { $("map").style.height = h + "px"; $("panel").style.maxHeight = Math.max(620, h) + "px"; cy.resize(); }
    }
    fitAll();
  }
  // The part of the map's box that is on screen: a large map is taller than the window, and a
  // focus fitted to the whole box could land below the fold.
  function onScreen() {
    var r = cy.container().getBoundingClientRect();
    var top = Math.max(0, -r.top), bottom = Math.min(r.height, window.innerHeight - r.top);
    return bottom - top >= 200 ? { top: top, height: bottom - top } : { top: 0, height: cy.height() };
  }
  function fitAll(eles, visibleOnly) {
    eles = eles || cy.nodes().not(".filtered");
    if (!eles.length) return;
    var bb = null;
    eles.nodes().forEach(function (n) {
      var b = nodeBox(n, true);
      bb = bb ? { x1: Math.min(bb.x1, b.x1), x2: Math.max(bb.x2, b.x2), y1: Math.min(bb.y1, b.y1), y2: Math.max(bb.y2, b.y2) } : b;
    });
    var part = visibleOnly ? onScreen() : { top: 0, height: cy.height() };
    var pad = 24, w = cy.width() - 2 * pad, h = part.height - 2 * pad;
    var z = Math.min(1.6, w / Math.max(1, bb.x2 - bb.x1), h / Math.max(1, bb.y2 - bb.y1));
    cy.viewport({ zoom: z, pan: { x: cy.width() / 2 - z * (bb.x1 + bb.x2) / 2,
                                  y: part.top + part.height / 2 - z * (bb.y1 + bb.y2) / 2 } });
    placeLabels();
  }

  // Labels: at a zoom where FONT would fall under MIN_PX on screen they are drawn larger (in map units),
  // then placed greedily, most connected concept first; one that would cover another label or shape,
  // or stick out of the view, waits for a closer zoom. Hover shows any concept's full wording.
  var forced = Object.create(null);  // cy ids whose label is always drawn (search match, focus, selection)
  var labelsShown = 0, labelsTotal = 0;
  function placeLabels() {
    var z = cy.zoom(), fs = Math.max(FONT, (MIN_PX + 0.05) / z), tw = TEXT_W * fs / FONT;
    var ext = cy.extent(), vis = cy.nodes().filter(function (n) { return !n.hasClass("filtered"); });
    var order = vis.toArray().sort(function (a, b) {
      return (forced[b.id()] ? 1 : 0) - (forced[a.id()] ? 1 : 0) || (b.hasClass("faded") ? 0 : 1) - (a.hasClass("faded") ? 0 : 1) ||
        b.data("deg") - a.data("deg") || quoteCount[cidOf[b.id()]] - quoteCount[cidOf[a.id()]] || (a.data("label") < b.data("label") ? -1 : 1);
    });
    var drawnBodies = [], taken = [], hide = [], show = [];
    order.forEach(function (n) {
      var b = labelBox(n, fs, tw), ok = b.x1 >= ext.x1 && b.x2 <= ext.x2 && b.y1 >= ext.y1 && b.y2 <= ext.y2;
      if (ok && n.hasClass("faded") && !forced[n.id()]) ok = false;
      for (var i = 0; ok && i < taken.length; i++) if (overlaps(b, taken[i])) ok = false;
      // a label may cover the shape of a concept whose label waits, never that of one whose label is drawn
      for (var j = 0; ok && j < drawnBodies.length; j++) if (overlaps(b, drawnBodies[j])) ok = false;
      if (ok || forced[n.id()]) { taken.push(b); drawnBodies.push(nodeBox(n, false)); show.push(n); } else hide.push(n);
    });
    cy.batch(function () {
      vis.data({ fs: fs, tw: tw });
      show.forEach(function (n) { n.removeClass("nolabel"); });
      hide.forEach(function (n) { n.addClass("nolabel"); });
    });
    labelsShown = show.length; labelsTotal = vis.length;
    $("label-status").textContent = !labelsTotal ? "" : labelsShown === labelsTotal ?
      "All " + labelsTotal + " labels shown. Hover a concept for its full wording; drag, scroll to zoom." :
      labelsShown + " of " + labelsTotal + " labels shown (the most connected concepts first; no label is drawn under " +
      MIN_PX + " px). Zoom in, search, or hover a concept to read the others.";
  }
  var labelTimer = null;
  cy.on("viewport", function () { clearTimeout(labelTimer); labelTimer = setTimeout(placeLabels, 60); });
  arrange();

  // Full wording on hover.
  var tip = $("tip");
  function showTip(evt, text) {
    tip.textContent = text;
    tip.hidden = false;
    var p = evt.renderedPosition || evt.target.renderedPosition();
    tip.style.left = Math.min(cy.width() - 20, p.x + 12) + "px";
    tip.style.top = (p.y + 14) + "px";
  }
  cy.on("mouseover", "node", function (evt) {
    var n = nodeById[cidOf[evt.target.id()]], d = degree[n.id];
    showTip(evt, n.label + " \u2014 " + d + " link" + (d === 1 ? "" : "s"));
  });
  cy.on("mouseover", "edge", function (evt) {
    var e = edgeById[evt.target.id()];
    showTip(evt, labelOf[e.source] + (e.contested ? " \u2192 contested \u2192 " : e.sign < 0 ? " \u2192 lowers \u2192 " :
      e.sign > 0 ? " \u2192 raises \u2192 " : " \u2192 (weight 0) \u2192 ") + labelOf[e.target] + " \u00b7 " +
      e.evidence.length + " quote" + (e.evidence.length === 1 ? "" : "s"));
  });
  cy.on("mouseout", function () { tip.hidden = true; });
  cy.on("viewport", function () { tip.hidden = true; });

  // The legend names every style the map uses, each with a drawing of it.
  var SVGNS = "http://www.w3.org/2000/svg";
  function svgEl(tag, attrs) {
    var e = document.createElementNS(SVGNS, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    return e;
  }
  function legendKey(drawing, text) {
    var k = el("span", "key"), s = svgEl("svg", { width: 30, height: 18, viewBox: "0 0 30 18", "aria-hidden": "true" });
    drawing(s);
    k.appendChild(s);
    k.appendChild(document.createTextNode(text));
    return k;
  }
  function shapeDrawing(role) {
    return function (s) {
      var fill = COLORS[role], stroke = "#6b7785";
      if (role === "driver") s.appendChild(svgEl("polygon", { points: "15,1 24,9 15,17 6,9", fill: fill, stroke: stroke }));
      else if (role === "receiver") s.appendChild(svgEl("rect", { x: 7, y: 2, width: 16, height: 14, rx: 3, fill: fill, stroke: stroke }));
      else s.appendChild(svgEl("ellipse", { cx: 15, cy: 9, rx: 8, ry: 8, fill: fill, stroke: stroke,
        "stroke-dasharray": role === "unlinked" ? "2,2" : "none" }));
    };
  }
  function lineDrawing(kind) {
    return function (s) {
      var c = COLORS[kind], dash = { minus: "5,3", contested: "1.5,2.5" }[kind] || "none";
      s.appendChild(svgEl("line", { x1: 1, y1: 9, x2: 23, y2: 9, stroke: c, "stroke-width": 3, "stroke-dasharray": dash }));
      if (kind === "minus" || kind === "contested") s.appendChild(svgEl("line", { x1: 25, y1: 3, x2: 25, y2: 15, stroke: c, "stroke-width": 3 }));
      if (kind === "plus" || kind === "contested") s.appendChild(svgEl("polygon", { points: kind === "plus" ? "29,9 21,4 21,14" : "24,9 17,4 17,14", fill: c }));
      if (kind === "zero") s.appendChild(svgEl("circle", { cx: 25, cy: 9, r: 4, fill: c }));
    };
  }
  (function legend() {
    var box = $("legend"), roles = Object.create(null), kinds = Object.create(null), accepted = false;
    DATA.nodes.forEach(function (n) { roles[n.role] = true; });
    DATA.edges.forEach(function (e) { kinds[edgeKind(e)] = true; if (e.review && e.review.status === "accepted") accepted = true; });
    var roleText = { driver: "driver (only outgoing links)", ordinary: "causes and is caused", receiver: "receiver (only incoming links)",
      unlinked: "no link" };
    ["driver", "ordinary", "receiver", "unlinked"].forEach(function (r) { if (roles[r]) box.appendChild(legendKey(shapeDrawing(r), roleText[r])); });
    var kindText = { plus: "raises (+)", minus: "lowers (\u2212)", contested: "contested: quotes disagree on the sign",
      zero: "weight 0: no net effect" };
    ["plus", "minus", "contested", "zero"].forEach(function (k) { if (kinds[k]) box.appendChild(legendKey(lineDrawing(k), kindText[k])); });
    if (accepted) box.appendChild(legendKey(function (s) {
      s.appendChild(svgEl("line", { x1: 1, y1: 9, x2: 29, y2: 9, stroke: "#1d232b", "stroke-opacity": 0.2, "stroke-width": 9 }));
      s.appendChild(svgEl("line", { x1: 1, y1: 9, x2: 29, y2: 9, stroke: COLORS.plus, "stroke-width": 3 }));
    }, "accepted by a reviewer"));
    box.appendChild(el("span", "key muted", "bigger shape = more links; thicker line = " +
      (BY_SUPPORT ? "more supporting claims" : "larger weight") + "; pale = outside the focus; yellow = found by search; " +
      "purple ring = in the loop picked below"));
  })();
  function unhighlight() {
    cy.elements().removeClass("faded hl match");
    forced = Object.create(null);
    focusOn = null;
    Array.prototype.forEach.call(document.querySelectorAll("#loops li.active"), function (li) { li.classList.remove("active"); });
    placeLabels();
  }

  // -- side panel ---------------------------------------------------------------------
  var panelTitle = $("panel-title"), panel = $("panel-body");
  function meta(parts) {
    var p = el("div", "meta");
    parts.forEach(function (kv, i) {
      if (kv[1] === null || kv[1] === undefined || kv[1] === "") return;
      if (p.childNodes.length) p.appendChild(document.createTextNode(" \u00b7 "));
      p.appendChild(el("b", null, kv[0] + ": "));
      p.appendChild(kv[1] instanceof Node ? kv[1] : document.createTextNode(String(kv[1])));
    });
    return p;
  }
  function showEdge(e) {
    panelTitle.textContent = "Link";
    clear(panel);
    var h = el("p");
    h.appendChild(el("b", null, labelOf[e.source]));
    h.appendChild(el("span", e.sign < 0 ? "sign-minus" : "sign-plus", e.sign < 0 ? "  \u2192 lowers \u2192  " : e.sign > 0 ? "  \u2192 raises \u2192  " : "  \u2192 (weight 0) \u2192  "));
    h.appendChild(el("b", null, labelOf[e.target]));
    panel.appendChild(h);
    if (e.contested) panel.appendChild(el("p", "contested-note", "Contested: its quotes disagree on the sign; the weight is their net."));
    if (e.review) panel.appendChild(el("p", "review-status", reviewText(e.review)));
    var s = e.support;
    panel.appendChild(meta([["weight", fmt(e.weight)],
      ["quotes", e.evidence.length],
      ["speakers", s ? s.speakers : null], ["documents", s ? s.documents : null]]));
    var first = null;
    e.evidence.forEach(function (ev) {
      var box = el("div", "quote " + ((ev.weight !== undefined ? ev.weight : e.weight) < 0 ? "minus" : "plus"));
      if (ev.text) box.appendChild(el("blockquote", null, "\u201c" + ev.text + "\u201d"));
      if (ev.rationale) box.appendChild(el("div", null, ev.rationale));
      var hedge = ev.modality ? ev.modality + (ev.weight !== undefined ? " (" + fmt(ev.weight) + ")" : "") :
        (ev.weight !== undefined ? fmt(ev.weight) : null);
      box.appendChild(meta([["speaker", ev.speaker ? navLink("speaker", ev.speaker, ev.speaker) : "unknown"],
        ["document", ev.document ? navLink("document", ev.document_id, ev.document) : null], ["date", ev.date],
        ["source", ev.source], ["hedge", hedge], ["paragraph", ev.paragraph]]));
      if (ev.at && DATA.text) {
        var b = el("button", "link", "show in the article");
        b.type = "button";
        b.addEventListener("click", function () { jumpTo(ev.at); });
        box.appendChild(b);
        if (!first) first = ev.at;
      }
      panel.appendChild(box);
    });
    if (!e.evidence.length) panel.appendChild(el("p", "muted", "No quotes recorded for this link."));
    if (first) { showText(first); var m = article.querySelector("mark");
      if (m) article.scrollTop = Math.max(0, m.offsetTop - article.offsetTop - article.clientHeight / 3); }
    reviewEdgeControls(e);
  }
  function showNode(n) {
    panelTitle.textContent = "Concept";
    clear(panel);
    panel.appendChild(el("p")).appendChild(el("b", null, n.label));
    var roles = { driver: "driver: only outgoing links", receiver: "receiver: only incoming links",
      ordinary: "ordinary: incoming and outgoing links", unlinked: "no links" };
    panel.appendChild(meta([["role", roles[n.role]], ["id", n.id]]));
    if (n.description) panel.appendChild(el("p", null, n.description));
    if (n.aliases && n.aliases.length) panel.appendChild(meta([["also", n.aliases.join("; ")]]));
    var list = el("ul");
    DATA.edges.forEach(function (e) {
      if (e.source !== n.id && e.target !== n.id) return;
      var li = el("li"), b = el("button", "link", labelOf[e.source] + (e.contested ? " \u00b1\u2192 " : e.sign < 0 ? " \u2212\u2192 " : " +\u2192 ") +
        labelOf[e.target] + " (" + fmt(e.weight) + ")");
      b.type = "button";
      b.addEventListener("click", function () { cy.elements().unselect(); cy.getElementById(e.id).select(); showEdge(e); });
      li.appendChild(b);
      list.appendChild(li);
    });
    panel.appendChild(list);
    reviewNodeControls(n);
  }
  function showLoop(lp) {
    panelTitle.textContent = "Feedback loop";
    clear(panel);
    var h = el("p");
    h.appendChild(el("span", "badge " + lp.kind, lp.kind === "reinforcing" ? "R" : "B"));
    h.appendChild(el("b", null, lp.kind));
    h.appendChild(document.createTextNode(lp.kind === "reinforcing" ?
      " — a change travels round and comes back with the same sign." :
      " — a change travels round and comes back opposed."));
    panel.appendChild(h);
    panel.appendChild(meta([["links", lp.edges.length], ["strength (product of weights)", fmt(lp.strength, 3)]]));
    var list = el("ol");
    lp.edges.forEach(function (id) {
      var e = edgeById[id], li = el("li");
      var b = el("button", "link", labelOf[e.source] + (e.sign < 0 ? " −→ " : " +→ ") + labelOf[e.target] +
        " (" + fmt(e.weight) + ", " + e.evidence.length + " quote" + (e.evidence.length === 1 ? "" : "s") + ")");
      b.type = "button";
      b.addEventListener("click", function () { showEdge(e); });
      li.appendChild(b);
      list.appendChild(li);
    });
    panel.appendChild(list);
  }
  if (!DATA.nodes.length) {
    clear(panel);
    panel.appendChild(el("p", "muted", DATA.kind === "corpus" ?
      "The map is empty: no claims in " + (nd ? "these documents." : "the store yet (add articles with `cogmap add PATH --db STORE`).") :
      "The map is empty: no causal claims were found."));
  }
  var edgeById = Object.create(null), nodeById = Object.create(null);
  DATA.edges.forEach(function (e) { edgeById[e.id] = e; });
  DATA.nodes.forEach(function (n) { nodeById[n.id] = n; });
  function setHash(h) { try { history.replaceState(null, "", "#" + h); } catch (e) { /* file: URLs may refuse */ } }
  cy.on("tap", "edge", function (evt) { unhighlight(); showEdge(edgeById[evt.target.id()]); setHash("link=" + evt.target.id()); });
  cy.on("tap", "node", function (evt) { var cid = cidOf[evt.target.id()]; focusConcept(cid); setHash("concept=" + encodeURIComponent(cid)); });
  cy.on("tap", function (evt) { if (evt.target === cy) unhighlight(); });

  // -- focus, search, filters -----------------------------------------------------------
  // Focus: the clicked concept and everything within n links of it (either direction) stay; the rest pales.
  var focusOn = null;
  function neighbourhood(cid, steps) {
    var keep = cy.getElementById(cyOf[cid]);
    for (var i = 0; i < steps; i++) keep = keep.union(keep.nodes().connectedEdges().not(".filtered").connectedNodes().not(".filtered"));
    return keep.union(keep.nodes().edgesWith(keep.nodes()).not(".filtered"));
  }
  function focusConcept(cid, noFit) {
    if (!nodeById[cid]) return;
    unhighlight();
    focusOn = cid;
    var steps = parseInt($("focus-steps").value, 10) || 1, keep = neighbourhood(cid, steps), n = cy.getElementById(cyOf[cid]);
    cy.elements().not(keep).addClass("faded");
    cy.elements().unselect();
    n.select();
    forced[n.id()] = true;
    if (!noFit) fitAll(keep.nodes(), true); else placeLabels();
    showNode(nodeById[cid]);
  }
  $("focus-steps").addEventListener("change", function () { if (focusOn) focusConcept(focusOn); });
  $("show-all").addEventListener("click", function () {
    unhighlight(); cy.elements().unselect(); $("search").value = ""; clear($("search-results")); fitAll();
  });

  // Search: every concept whose wording (or an alias) holds what is typed, found in place and listed.
  function norm(s) { return squash(s).toLowerCase(); }
  function findConcepts(q) {
    q = norm(q);
    if (!q) return [];
    var hits = DATA.nodes.filter(function (n) {
      return norm(n.label).indexOf(q) >= 0 || (n.aliases || []).some(function (a) { return norm(a).indexOf(q) >= 0; });
    });
    hits.sort(function (a, b) {
      return (norm(a.label).indexOf(q) === 0 ? 0 : 1) - (norm(b.label).indexOf(q) === 0 ? 0 : 1) ||
        degree[b.id] - degree[a.id] || a.label.localeCompare(b.label);
    });
    return hits;
  }
  var searchBox = $("search"), results = $("search-results");
  function runSearch() {
    var q = searchBox.value, hits = findConcepts(q);
    clear(results);
    cy.elements().removeClass("faded hl match");
    forced = Object.create(null);
    if (!norm(q)) { placeLabels(); return; }
    results.appendChild(el("span", "muted", hits.length ? hits.length + " found: " : "No concept holds \u201c" + q + "\u201d."));
    hits.slice(0, 12).forEach(function (n) {
      var b = el("button", "hit", n.label);
      b.type = "button";
      b.addEventListener("click", function () { focusConcept(n.id); });
      results.appendChild(b);
    });
    if (hits.length > 12) results.appendChild(el("span", "muted", " and " + (hits.length - 12) + " more"));
    if (hits.length) {
      var found = cy.collection();
      hits.forEach(function (n) { var c = cy.getElementById(cyOf[n.id]); found = found.union(c); forced[c.id()] = true; });
      cy.elements().not(found).addClass("faded");
      found.addClass("match");
      placeLabels();
    }
  }
  searchBox.addEventListener("input", runSearch);
  searchBox.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { var hits = findConcepts(searchBox.value); if (hits.length) focusConcept(hits[0].id); }
  });
  window.cogmapFind = function (q) { return findConcepts(q).map(function (n) { return n.id; }); };

  // Filters: a link stays when enough of its quotes pass the speaker, document and hedge filters and its
  // sign passes; a concept stays while one of its links does (all of them when no filter is set).
  var fSpeaker = $("filter-speaker"), fDoc = $("filter-document"), fSign = $("filter-sign"), fMod = $("filter-modality"), fQuotes = $("filter-quotes");
  (function fillFilters() {
    var sp = Object.create(null), docs = Object.create(null), mods = Object.create(null);
    DATA.edges.forEach(function (e) { e.evidence.forEach(function (ev) {
      if (ev.speaker) sp[ev.speaker] = true;
      var d = ev.document || ev.source;
      if (d) docs[d] = true;
      if (ev.modality) mods[ev.modality] = true;
    }); });
    function fill(sel, keys) {
      Object.keys(keys).sort(function (a, b) { return a.localeCompare(b); }).forEach(function (k) { var o = el("option", null, k); o.value = k; sel.appendChild(o); });
      if (!Object.keys(keys).length) sel.disabled = true;
    }
    fill(fSpeaker, sp); fill(fDoc, docs); fill(fMod, mods);
  })();
  function quotePasses(ev) {
    return (!fSpeaker.value || ev.speaker === fSpeaker.value) && (!fDoc.value || (ev.document || ev.source) === fDoc.value) &&
      (!fMod.value || ev.modality === fMod.value);
  }
  function applyFilters() {
    var byQuote = fSpeaker.value || fDoc.value || fMod.value, minq = Math.max(0, parseInt(fQuotes.value, 10) || 0);
    var any = byQuote || fSign.value || minq > 0, keptEdges = 0, keptNodes = Object.create(null);
    cy.batch(function () {
      DATA.edges.forEach(function (e) {
        var n = byQuote ? e.evidence.filter(quotePasses).length : quotesOf(e);
        var ok = (!byQuote || n > 0) && n >= minq && (!fSign.value || edgeKind(e) === fSign.value ||
          (fSign.value !== "contested" && !e.contested && (fSign.value === "plus" ? e.weight > 0 : e.weight < 0)));
        cy.getElementById(e.id).toggleClass("filtered", !ok);
        if (ok) { keptEdges++; keptNodes[e.source] = true; keptNodes[e.target] = true; }
      });
      DATA.nodes.forEach(function (n) { cy.getElementById(cyOf[n.id]).toggleClass("filtered", !!any && !keptNodes[n.id]); });
    });
    $("filter-status").textContent = any ? "Showing " + keptEdges + " of " + DATA.edges.length + " links." : "";
    if (focusOn) focusConcept(focusOn, true); else fitAll();
  }
  [fSpeaker, fDoc, fSign, fMod].forEach(function (s) { s.addEventListener("change", applyFilters); });
  fQuotes.addEventListener("input", applyFilters);
  $("filter-clear").addEventListener("click", function () { fSpeaker.value = fDoc.value = fSign.value = fMod.value = ""; fQuotes.value = "0"; applyFilters(); });

  // -- links table (a keyboard-usable view of the map) ---------------------------------
  var lb = document.querySelector("#links tbody");
  DATA.edges.slice().sort(function (a, b) { return Math.abs(b.weight) - Math.abs(a.weight); }).forEach(function (e) {
    var tr = el("tr", "clickable");
    tr.tabIndex = 0;
    tr.appendChild(el("td", null, labelOf[e.source]));
    tr.appendChild(el("td", e.contested ? "sign-contested" : e.sign < 0 ? "sign-minus" : "sign-plus",
      (e.sign < 0 ? "\u2212 lowers" : e.sign > 0 ? "+ raises" : "0 no effect") + (e.contested ? " (contested)" : "")));
    tr.appendChild(el("td", null, labelOf[e.target]));
    tr.appendChild(el("td", "num", fmt(e.weight)));
    tr.appendChild(el("td", "num", e.evidence.length));
    var sp = Object.create(null);
    e.evidence.forEach(function (ev) { if (ev.speaker) sp[ev.speaker] = true; });
    tr.appendChild(el("td", null, Object.keys(sp).join("; ")));
    function pick() { unhighlight(); cy.elements().unselect(); cy.getElementById(e.id).select(); showEdge(e); setHash("link=" + e.id);
      $("panel").scrollIntoView({ block: "nearest" }); }
    tr.addEventListener("click", pick);
    tr.addEventListener("keydown", function (ev) { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); pick(); } });
    lb.appendChild(tr);
  });
  if (!DATA.edges.length) $("links-section").style.display = "none";

  // -- contested links ----------------------------------------------------------------------
  var contested = DATA.edges.filter(function (e) { return e.contested; });
  contested.forEach(function (e) {
    var li = el("li"), plus = 0, minus = 0, who = Object.create(null);
    e.evidence.forEach(function (ev) { if (ev.weight > 0) plus++; else if (ev.weight < 0) minus++; if (ev.speaker) who[ev.speaker] = true; });
    var b = el("button", "link", labelOf[e.source] + " \u2192 " + labelOf[e.target]);
    b.type = "button";
    b.addEventListener("click", function () { unhighlight(); cy.elements().unselect(); cy.getElementById(e.id).select(); showEdge(e); setHash("link=" + e.id); });
    li.appendChild(b);
    li.appendChild(document.createTextNode(" " + plus + (plus === 1 ? " quote says" : " quotes say") + " it raises, " + minus +
      " that it lowers; net weight " + fmt(e.weight) + (Object.keys(who).length ? "; " + Object.keys(who).join("; ") : "")));
    $("contested").appendChild(li);
  });
  if (!contested.length) $("contested-section").style.display = "none";

  // -- loops --------------------------------------------------------------------------
  var ol = $("loops");
  $("loops-notes").textContent = DATA.loops.notes.length ? "Note: " + DATA.loops.notes.join("; ") + "." :
    (nl ? "" : "No feedback loops: no chain of links leads back to where it started.");
  var loopPickers = [];
  DATA.loops.loops.forEach(function (lp, k) {
    var li = el("li");
    li.appendChild(el("span", "badge " + lp.kind, lp.kind === "reinforcing" ? "R" : "B"));
    li.appendChild(el("b", null, lp.kind));
    li.appendChild(document.createTextNode(": " + lp.labels.concat([lp.labels[0]]).join(" \u2192 ") +
      " (strength " + fmt(lp.strength, 3) + ")"));
    li.tabIndex = 0;
    function pick() {
      unhighlight();
      li.classList.add("active");
      cy.elements().addClass("faded");
      lp.concepts.forEach(function (c) { cy.getElementById(cyOf[c]).removeClass("faded").addClass("hl"); });
      lp.edges.forEach(function (id) { cy.getElementById(id).removeClass("faded").addClass("hl"); });
      showLoop(lp);
      $("map").scrollIntoView({ block: "nearest" });
    }
    loopPickers.push(pick);
    li.addEventListener("click", function () { pick(); setHash("loop=" + (k + 1)); });
    li.addEventListener("keydown", function (ev) { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); pick(); } });
    ol.appendChild(li);
  });


  // -- what-if ------------------------------------------------------------------------
  // A fuzzy-cognitive-map run computed here, in the browser, exactly as cogmap.simulate.run does it
  // (the browser tests check it against Python): clamped concepts and concepts with no cause keep
  // their value; the others take f(rule(W, A)) until nothing moves by more than the threshold, a state
  // comes back (limit cycle), or the step limit. Signed maps start with tanh, so that a concept can
  // fall below its neutral 0 (with sigmoid every baseline reads 0.5).
  var W = DATA.whatif, st = W.settings;
  var N = DATA.nodes.length, idxOf = Object.create(null), incoming = [];
  DATA.nodes.forEach(function (n, i) { idxOf[n.id] = i; incoming.push([]); });
  DATA.edges.forEach(function (e) { if (e.weight !== 0) incoming[idxOf[e.target]].push([idxOf[e.source], e.weight]); });
  function transferFn(name, lam) {
    if (name === "tanh") return function (x) { return Math.tanh(lam * x); };
    if (name === "bivalent") return function (x) { return x > 0 ? 1 : 0; };
    if (name === "trivalent") return function (x) { return x > 0 ? 1 : x < 0 ? -1 : 0; };
    return function (x) { return 1 / (1 + Math.exp(-lam * x)); };
  }
  function maxDiff(a, b) { var m = 0; for (var i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i])); return m; }
  function settingsNow(opts) {
    var o = opts || {};
    return { transfer: o.transfer || $("whatif-transfer").value || st.transfer, rule: o.rule || $("whatif-rule").value || st.rule,
      lam: o.lam !== undefined ? o.lam : st.lam, steps: o.steps !== undefined ? o.steps : st.steps,
      threshold: o.threshold !== undefined ? o.threshold : st.threshold };
  }
  function simulate(clamp, opts) {  // clamp: {concept id: value}; opts: transfer, rule, lam, steps, threshold
    var s = settingsNow(opts), f = transferFn(s.transfer, s.lam);
    var a = DATA.nodes.map(function (n) { return typeof n.initial === "number" ? n.initial : 0; });
    var hold = incoming.map(function (l) { return l.length === 0; });
    Object.keys(clamp || {}).forEach(function (id) { if (id in idxOf) { a[idxOf[id]] = clamp[id]; hold[idxOf[id]] = true; } });
    var hist = [a], status = "step-limit", period = 0;
    for (var t = 1; t <= s.steps; t++) {
      var prev = hist[t - 1], r = s.rule === "rescaled" ? prev.map(function (v) { return 2 * v - 1; }) : prev, next = new Array(N);
      for (var j = 0; j < N; j++) {
        if (hold[j]) { next[j] = prev[j]; continue; }
        var x = 0;
        for (var k = 0; k < incoming[j].length; k++) x += incoming[j][k][1] * r[incoming[j][k][0]];
        if (s.rule !== "kosko") x += r[j];
        next[j] = f(x);
      }
      hist.push(next);
      if (maxDiff(next, prev) <= s.threshold) { status = "converged"; break; }
      if (t >= 2) {
        for (var back = 2; back <= Math.min(t, 32); back++) {
          if (maxDiff(next, hist[t - back]) <= s.threshold) { status = "limit-cycle"; period = back; break; }
        }
        if (period) break;
      }
    }
    var values = Object.create(null), fin = hist[hist.length - 1];
    DATA.nodes.forEach(function (n, i) { values[n.id] = fin[i]; });
    return { status: status, steps: hist.length - 1, period: period, values: values, history: hist, settings: s };
  }
  window.cogmapSimulate = simulate;  // for the browser tests and the curious
  function whatIf(clamp) {
    var base = simulate({}), scen = simulate(clamp), changes = [];
    DATA.nodes.forEach(function (n) {
      if (own(clamp, n.id)) return;
      var b = base.values[n.id], v = scen.values[n.id];
      if (Math.abs(v - b) >= 1e-4) changes.push({ id: n.id, label: n.label, baseline: b, scenario: v, change: v - b });
    });
    changes.sort(function (x, y) { return Math.abs(y.change) - Math.abs(x.change) || x.label.localeCompare(y.label); });
    return { status: scen.status, steps: scen.steps, period: scen.period, changes: changes, history: scen.history, settings: scen.settings };
  }
  $("whatif-transfer").value = st.transfer;
  $("whatif-rule").value = st.rule;
  function aboutWhatIf() {
    var s = settingsNow();
    $("whatif-about").textContent = "Computed in your browser, as `cogmap simulate` does: a fuzzy-cognitive-map simulation (" +
      s.rule + " rule, " + s.transfer + " transfer, \u03bb = " + s.lam + ", at most " + s.steps + " steps) holds " +
      "the concepts you pick at the value you pick and compares every other concept with a run where nothing is held. " +
      (s.transfer === "tanh" ? "With tanh a concept runs from \u22121 (low) through 0 (neutral) to 1 (high). " :
        s.transfer === "sigmoid" ? "With sigmoid a concept runs from 0 to 1, and 0.5 is neutral. " : "") +
      "Changes are relative, not forecasts.";
  }
  var sel = $("whatif-select"), selVal = $("whatif-value"), tbody = document.querySelector("#whatif-table tbody");
  var more = $("whatif-more"), extra = Object.create(null);  // id -> {box, value}
  var byLabel = DATA.nodes.map(function (n) { return n.id; }).sort(function (a, b) { return labelOf[a].localeCompare(labelOf[b]); });
  byLabel.forEach(function (id) { var o = el("option", null, labelOf[id]); o.value = id; sel.appendChild(o); });
  function valueChoices() {
    var t = settingsNow().transfer;
    return t === "tanh" || t === "trivalent" ? [["1", "1 (high)"], ["0.5", "0.5"], ["0", "0 (neutral)"], ["-0.5", "\u22120.5"], ["-1", "\u22121 (low)"]] :
      [["1", "1 (high)"], ["0.5", "0.5"], ["0", "0 (low)"]];
  }
  function fillValues(s) {
    var keep = s.value;
    clear(s);
    valueChoices().forEach(function (kv) { var o = el("option", null, kv[1]); o.value = kv[0]; s.appendChild(o); });
    s.value = keep && Array.prototype.some.call(s.options, function (o) { return o.value === keep; }) ? keep : "1";
  }
  fillValues(selVal);
  byLabel.forEach(function (id) {
    var row = el("label", "whatif-item"), box = el("input"), v = el("select", "whatif-value");
    fillValues(v);
    box.type = "checkbox";
    box.value = id;
    row.appendChild(box);
    row.appendChild(document.createTextNode(" " + labelOf[id] + " "));
    row.appendChild(v);
    box.addEventListener("change", refresh);
    v.addEventListener("change", function () { if (box.checked) refresh(); });
    extra[id] = { box: box, value: v };
    more.appendChild(row);
  });
  function clampNow() {
    var c = Object.create(null);
    if (sel.value) c[sel.value] = parseFloat(selVal.value);
    byLabel.forEach(function (id) { if (extra[id].box.checked && id !== sel.value) c[id] = parseFloat(extra[id].value.value); });
    return c;
  }
  function shellQuote(s) { return "'" + String(s).replace(/'/g, "'\\''") + "'"; }
  function refresh() {
    clear(tbody);
    var c = clampNow(), names = Object.keys(c).map(function (id) { return labelOf[id] + " = " + c[id]; });
    var r = whatIf(c);
    $("whatif-status").textContent = "Holding " + names.join(", ") + ": simulation " + r.status + " after " + r.steps +
      " steps" + (r.period ? " (cycle of " + r.period + ")" : "") + ". " + (r.changes.length ?
      r.changes.length + " concept" + (r.changes.length === 1 ? "" : "s") + " change:" : "Nothing else changes.");
    $("whatif-cli").textContent = "The same run from the command line: cogmap simulate MODEL " + Object.keys(c).map(function (id) {
      return "--set " + shellQuote(id + "=" + c[id]); }).join(" ") + " --transfer " + r.settings.transfer + " --rule " + r.settings.rule +
      " (MODEL: this map, from the Model file button above, or from cogmap map)";
    r.changes.forEach(function (ch) {
      var tr = el("tr");
      tr.appendChild(el("td", null, ch.label));
      tr.appendChild(el("td", "num " + (ch.change < 0 ? "sign-minus" : "sign-plus"), fmt(ch.change, 3) + (ch.change < 0 ? " lower" : " higher")));
      tr.appendChild(el("td", "num", ch.baseline.toFixed(3)));
      tr.appendChild(el("td", "num", ch.scenario.toFixed(3)));
      tbody.appendChild(tr);
    });
    drawChart(r, c);
  }
  // The values step by step, for what is held and the concepts that move most (plain SVG).
  var PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2"];
  function drawChart(r, clamp) {
    var box = $("whatif-chart");
    clear(box);
    var ids = Object.keys(clamp).slice(0, 2).concat(r.changes.slice(0, 8 - Math.min(2, Object.keys(clamp).length)).map(function (c) { return c.id; }));
    if (!ids.length || !r.history.length) return;
    var lo = r.settings.transfer === "tanh" || r.settings.transfer === "trivalent" ? -1 : 0, hi = 1;
    r.history.forEach(function (row) { ids.forEach(function (id) { lo = Math.min(lo, row[idxOf[id]]); hi = Math.max(hi, row[idxOf[id]]); }); });
    var Wd = 560, H = 220, L = 40, R = 10, T = 10, B = 28, T1 = Math.max(1, r.history.length - 1);
    var svg = svgEl("svg", { width: Wd, height: H, viewBox: "0 0 " + Wd + " " + H, role: "img" });
    svg.appendChild(svgEl("title")).textContent = "Values of the concepts step by step";
    function X(t) { return L + (Wd - L - R) * t / T1; }
    function Y(v) { return T + (H - T - B) * (hi - v) / (hi - lo || 1); }
    [lo, (lo + hi) / 2, hi].forEach(function (v) {
      svg.appendChild(svgEl("line", { x1: L, x2: Wd - R, y1: Y(v), y2: Y(v), stroke: "#d6dbe1" }));
      var t = svgEl("text", { x: L - 4, y: Y(v) + 4, "text-anchor": "end", "font-size": 11, fill: "#5b6573" });
      t.textContent = (Math.round(v * 100) / 100).toString();
      svg.appendChild(t);
    });
    var xl = svgEl("text", { x: (L + Wd - R) / 2, y: H - 6, "text-anchor": "middle", "font-size": 11, fill: "#5b6573" });
    xl.textContent = "step (0 to " + (r.history.length - 1) + ")";
    svg.appendChild(xl);
    var legend = el("ul", "chart-legend");
    ids.forEach(function (id, k) {
      var pts = r.history.map(function (row, t) { return X(t).toFixed(1) + "," + Y(row[idxOf[id]]).toFixed(1); }).join(" ");
      svg.appendChild(svgEl("polyline", { points: pts, fill: "none", stroke: PALETTE[k % PALETTE.length], "stroke-width": 2,
        "stroke-dasharray": own(clamp, id) ? "6,3" : "none" }));
      var li = el("li"), sw = el("span", "chart-swatch");
      sw.style.background = PALETTE[k % PALETTE.length];
      li.appendChild(sw);
      li.appendChild(document.createTextNode(labelOf[id] + (own(clamp, id) ? " (held)" : "") + ": " +
        r.history[r.history.length - 1][idxOf[id]].toFixed(3)));
      legend.appendChild(li);
    });
    box.appendChild(svg);
    box.appendChild(legend);
  }
  function showWhatIf(id) { sel.value = id; refresh(); }
  aboutWhatIf();
  if (DATA.edges.length) {
    sel.addEventListener("change", function () { refresh(); setHash("whatif=" + encodeURIComponent(sel.value)); });
    selVal.addEventListener("change", refresh);
    [$("whatif-transfer"), $("whatif-rule")].forEach(function (s) {
      s.addEventListener("change", function () {
        fillValues(selVal);
        byLabel.forEach(function (id) { fillValues(extra[id].value); });
        aboutWhatIf();
        refresh();
      });
    });
    // Start with the concept whose change moves the rest of the map most (from the precomputed table, when there).
    var ids = Object.keys(W.by);
    var reach = function (id) { return W.by[id].changes.reduce(function (t, c) { return t + Math.abs(c.change); }, 0); };
    var best = ids.length ? ids.reduce(function (a, b) { return reach(b) > reach(a) ? b : a; }, ids[0]) :
      DATA.edges.slice().sort(function (a, b) { return Math.abs(b.weight) - Math.abs(a.weight); })[0].source;
    showWhatIf(best);
  } else {
    [sel, selVal, $("whatif-transfer"), $("whatif-rule")].forEach(function (s) { s.disabled = true; });
    $("whatif-more-box").style.display = "none";
    $("whatif-status").textContent = "The map has no links, so nothing can change.";
  }

  // -- forecasts ------------------------------------------------------------------------
  // Probabilities and scores are printed as the CLI prints them (formatted in Python: its rounding,
  // not JavaScript's toFixed, which differs on ties such as 0.125).
  var fb = document.querySelector("#forecasts tbody");
  var docName = Object.create(null);
  (DATA.documents || []).forEach(function (d) { docName[d.id] = d.name || d.title || d.source; });
  if (DATA.store && DATA.forecasts.length) {
    $("forecasts-about").textContent = "Scores of a resolved forecast: Brier = (p \u2212 outcome)\u00b2, 0 is perfect, " +
      "0.25 is what saying 50% earns, lower is better; log = ln of the probability given to what happened, 0 is " +
      "perfect, higher is better. Resolve with `cogmap forecasts resolve ID --outcome yes|no`.";
  }
  if (!DATA.store) {
    Array.prototype.forEach.call(document.querySelectorAll("#forecasts th.store-only"), function (th) { th.style.display = "none"; });
  }
  DATA.forecasts.forEach(function (f) {
    var tr = el("tr");
    var s = el("td", null, f.statement);
    if (f.condition) s.appendChild(el("div", "meta", "condition: " + f.condition));
    (f.restated || []).forEach(function (r) { s.appendChild(el("div", "meta", "also the headline: " + r)); });
    tr.appendChild(s);
    tr.appendChild(el("td", null, f.speaker || "unknown"));
    tr.appendChild(el("td", "num", f.p_text !== undefined ? f.p_text : pct(f.probability)));
    tr.appendChild(el("td", null, f.hedge));
    tr.appendChild(el("td", null, f.horizon || "\u2014"));
    if (DATA.store) {
      var dcell = el("td");
      if (f.document_id !== undefined && f.document_id !== null) {
        dcell.appendChild(navLink("document", f.document_id, docName[f.document_id] || ("document " + f.document_id)));
        if (f.date) dcell.appendChild(el("div", "meta", f.date));
      }
      tr.appendChild(dcell);
      var r = f.resolution;
      tr.appendChild(el("td", r ? "resolved " + (r.outcome === "yes" ? "sign-plus" : "sign-minus") : "muted",
        r ? r.outcome + (r.on ? " on " + r.on : "") + (r.note ? " (" + r.note + ")" : "") : "open"));
      tr.appendChild(el("td", "num", f.score ? "Brier " + f.score.brier.toFixed(3) + " \u00b7 log " + fmt(f.score.log, 3) : "\u2014"));
    }
    if (f.at && DATA.text) {
      tr.className = "clickable";
      tr.title = "show in the article";
      tr.addEventListener("click", function () { jumpTo(f.at); });
    }
    fb.appendChild(tr);
  });
  if (!DATA.forecasts.length) {
    $("forecasts").style.display = "none";
    $("forecasts-none").textContent = DATA.kind === "model" ?
      "A model file holds no forecasts; make the report from the article to see them." : "No forecasts found.";
  }

  // Forecasters side by side: each speaker's Brier and log score (cogmap experts) and a calibration plot.
  (function experts() {
    var rows = DATA.experts || [];
    if (!rows.length) {
      var speakers = Object.create(null);
      DATA.forecasts.forEach(function (f) { var k = f.speaker || "unknown"; (speakers[k] = speakers[k] || []).push(f); });
      if (!Object.keys(speakers).length) { $("experts-box").style.display = "none"; return; }
      Object.keys(speakers).sort().forEach(function (k) { rows.push({ speaker: k, forecasts: speakers[k].length, resolved: 0,
        brier_text: "-", log_text: "-", calibration: [] }); });
      $("experts-about").textContent = "No forecast here is resolved, so nothing is scored yet: add the article to a store " +
        "(`cogmap add ARTICLE --db corpus.db`), resolve its forecasts (`cogmap forecasts resolve ID --outcome yes|no`) " +
        "and make the report with `--db`.";
    } else {
      $("experts-about").textContent = "As `cogmap experts` computes them, over the resolved forecasts. Brier: 0 is perfect, " +
        "lower is better; log score: 0 is perfect, higher is better. On the plot a calibrated speaker's points lie on the diagonal.";
    }
    var tb = document.querySelector("#experts tbody"), plotted = [];
    rows.forEach(function (e) {
      var tr = el("tr");
      var name = el("td");
      name.appendChild(navLink("speaker", e.speaker, e.speaker));
      tr.appendChild(name);
      tr.appendChild(el("td", "num", e.forecasts));
      tr.appendChild(el("td", "num", e.resolved));
      tr.appendChild(el("td", "num", e.brier_text));
      tr.appendChild(el("td", "num", e.log_text));
      tr.appendChild(el("td", null, (e.calibration || []).map(function (b) {
        return b.bin + ": " + b.n + ", " + b.mean_text + ", " + b.observed_text; }).join("; ") || "\u2014"));
      tb.appendChild(tr);
      if (e.calibration && e.calibration.length) plotted.push(e);
    });
    var box = $("calibration");
    if (!plotted.length) { box.style.display = "none"; return; }
    var S = 260, M = 34, svg = svgEl("svg", { width: S + M + 10, height: S + M + 10, viewBox: "0 0 " + (S + M + 10) + " " + (S + M + 10), role: "img" });
    svg.appendChild(svgEl("title")).textContent = "Calibration: probability given against how often it came true";
    function X(p) { return M + p * S; }
    function Y(p) { return 10 + (1 - p) * S; }
    svg.appendChild(svgEl("rect", { x: X(0), y: Y(1), width: S, height: S, fill: "#fff", stroke: "#d6dbe1" }));
    svg.appendChild(svgEl("line", { x1: X(0), y1: Y(0), x2: X(1), y2: Y(1), stroke: "#9aa5b1", "stroke-dasharray": "4,3" }));
    [0, 0.5, 1].forEach(function (v) {
      var tx = svgEl("text", { x: X(v), y: Y(0) + 14, "text-anchor": "middle", "font-size": 10, fill: "#5b6573" }); tx.textContent = v; svg.appendChild(tx);
      var ty = svgEl("text", { x: X(0) - 4, y: Y(v) + 3, "text-anchor": "end", "font-size": 10, fill: "#5b6573" }); ty.textContent = v; svg.appendChild(ty);
    });
    var xl = svgEl("text", { x: X(0.5), y: Y(0) + 28, "text-anchor": "middle", "font-size": 11, fill: "#1d232b" });
    xl.textContent = "probability given";
    svg.appendChild(xl);
    var yl = svgEl("text", { x: 10, y: Y(0.5), "text-anchor": "middle", "font-size": 11, fill: "#1d232b", transform: "rotate(-90 10 " + Y(0.5) + ")" });
    yl.textContent = "came true";
    svg.appendChild(yl);
    var legend = el("ul", "chart-legend");
    plotted.forEach(function (e, k) {
      var c = PALETTE[k % PALETTE.length], pts = e.calibration.map(function (b) { return X(b.mean).toFixed(1) + "," + Y(b.observed).toFixed(1); });
      if (pts.length > 1) svg.appendChild(svgEl("polyline", { points: pts.join(" "), fill: "none", stroke: c, "stroke-width": 2 }));
      e.calibration.forEach(function (b) {
        var dot = svgEl("circle", { cx: X(b.mean), cy: Y(b.observed), r: 3 + 2 * Math.sqrt(b.n), fill: c, "fill-opacity": 0.55, stroke: c });
        dot.appendChild(svgEl("title")).textContent = e.speaker + ": " + b.bin + ", " + b.n + " forecast" + (b.n === 1 ? "" : "s") +
          ", mean " + b.mean_text + ", came true " + b.observed_text;
        svg.appendChild(dot);
      });
      var li = el("li"), sw = el("span", "chart-swatch");
      sw.style.background = c;
      li.appendChild(sw);
      li.appendChild(document.createTextNode(e.speaker + " (" + e.resolved + " resolved)"));
      legend.appendChild(li);
    });
    box.appendChild(svg);
    box.appendChild(legend);
  })();

  // -- documents of the corpus --------------------------------------------------------
  var db = document.querySelector("#documents tbody");
  (DATA.documents || []).forEach(function (d) {
    var tr = el("tr");
    tr.appendChild(el("td", "num", d.id));
    var t = el("td");
    t.appendChild(navLink("document", d.id, d.name || d.title || "(untitled)"));
    tr.appendChild(t);
    tr.appendChild(el("td", null, d.date || "\u2014"));
    tr.appendChild(el("td", null, d.source));
    tr.appendChild(el("td", "num", d.claims));
    tr.appendChild(el("td", "num", d.forecasts));
    db.appendChild(tr);
  });
  if (!DATA.store || DATA.kind === "document") $("documents-section").style.display = "none";

  // -- export ---------------------------------------------------------------------------
  function slug(s) { return (String(s).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "map").slice(0, 60); }
  function download(name, blob) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 2000);
  }
  function pngOfView() { return cy.png({ output: "blob", bg: "#ffffff", full: false, scale: 2 }); }
  // The SVG is written here from what Cytoscape has drawn (positions, sizes, colours, the labels shown):
  // the cytoscape-svg extension on npm is GPL-3.0, which cannot be bundled into this MIT-licensed page.
  function svgOfView() {
    var Wd = cy.width(), H = cy.height(), z = cy.zoom();
    var svg = svgEl("svg", { xmlns: SVGNS, width: Wd, height: H, viewBox: "0 0 " + Wd + " " + H });
    svg.appendChild(svgEl("title")).textContent = DATA.title;
    svg.appendChild(svgEl("rect", { x: 0, y: 0, width: Wd, height: H, fill: "#ffffff" }));
    var dashes = { dashed: "6,4", dotted: "1.5,3" };
    cy.edges().not(".filtered").forEach(function (e) {
      var s = e.renderedSourceEndpoint(), t = e.renderedTargetEndpoint(), m = e.renderedMidpoint();
      var c = { x: 2 * m.x - (s.x + t.x) / 2, y: 2 * m.y - (s.y + t.y) / 2 }, color = e.style("line-color");
      var w = parseFloat(e.style("width")) * z, op = parseFloat(e.style("opacity"));
      svg.appendChild(svgEl("path", { d: "M" + s.x.toFixed(1) + "," + s.y.toFixed(1) + " Q" + c.x.toFixed(1) + "," + c.y.toFixed(1) +
        " " + t.x.toFixed(1) + "," + t.y.toFixed(1), fill: "none", stroke: color, "stroke-width": w.toFixed(2), opacity: op,
        "stroke-dasharray": dashes[e.style("line-style")] || "none" }));
      var ang = Math.atan2(t.y - c.y, t.x - c.x), a = Math.max(6, 3 * w) , shape = e.style("target-arrow-shape");
      var ux = Math.cos(ang), uy = Math.sin(ang), px = -uy, py = ux;
      if (shape.indexOf("triangle") === 0) {
        svg.appendChild(svgEl("polygon", { points: [t.x, t.y, t.x - a * ux + a * 0.6 * px, t.y - a * uy + a * 0.6 * py,
          t.x - a * ux - a * 0.6 * px, t.y - a * uy - a * 0.6 * py].map(function (v) { return v.toFixed(1); }).join(" "), fill: color, opacity: op }));
      }
      if (shape === "tee" || shape === "triangle-tee") {
        var b = shape === "tee" ? 0 : a + 2;
        svg.appendChild(svgEl("line", { x1: t.x - b * ux + a * 0.7 * px, y1: t.y - b * uy + a * 0.7 * py, x2: t.x - b * ux - a * 0.7 * px,
          y2: t.y - b * uy - a * 0.7 * py, stroke: color, "stroke-width": Math.max(2, w), opacity: op }));
      }
      if (shape === "circle") svg.appendChild(svgEl("circle", { cx: t.x - a / 2 * ux, cy: t.y - a / 2 * uy, r: a / 2, fill: color, opacity: op }));
    });
    cy.nodes().not(".filtered").forEach(function (n) {
      var p = n.renderedPosition(), r = n.renderedWidth() / 2, op = parseFloat(n.style("opacity"));
      var attrs = { fill: n.style("background-color"), stroke: n.style("border-color"), "stroke-width": parseFloat(n.style("border-width")) * z,
        opacity: op, "stroke-dasharray": n.style("border-style") === "dashed" ? "3,2" : "none" }, shape = n.style("shape"), g;
      if (shape === "diamond") g = svgEl("polygon", Object.assign({ points: [p.x, p.y - r, p.x + r, p.y, p.x, p.y + r, p.x - r, p.y].join(" ") }, attrs));
      else if (shape === "round-rectangle") g = svgEl("rect", Object.assign({ x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r, rx: r / 3 }, attrs));
      else g = svgEl("ellipse", Object.assign({ cx: p.x, cy: p.y, rx: r, ry: r }, attrs));
      g.appendChild(svgEl("title")).textContent = nodeById[cidOf[n.id()]].label;
      svg.appendChild(g);
      if (n.hasClass("nolabel")) return;
      var fs = n.data("fs") * z, wrap = wrapLines(n.data("label"), n.data("fs"), n.data("tw"));
      var text = svgEl("text", { x: p.x.toFixed(1), y: (p.y + r + 3 + fs).toFixed(1), "text-anchor": "middle", "font-size": fs.toFixed(1),
        "font-family": FONT_FAMILY, fill: "#1d232b", stroke: "#ffffff", "stroke-width": 3, "paint-order": "stroke", opacity: op });
      wrap.lines.forEach(function (line, i) {
        var span = svgEl("tspan", { x: p.x.toFixed(1), dy: i ? (fs * 1.2).toFixed(1) : 0 });
        span.textContent = line;
        text.appendChild(span);
      });
      svg.appendChild(text);
    });
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg);
  }
  // The map as a cogmap.model/1 file: the model this page shows (reviewed, when served for review).
  function modelOfPage() {
    var keep = ["text", "source", "paragraph", "speaker", "claim", "modality", "weight", "rationale"];
    var m = { schema: "cogmap.model/1", title: DATA.title, sources: DATA.sources.slice(), concepts: [], edges: [] };
    if (DATA.description) m.description = DATA.description;
    DATA.nodes.forEach(function (n) {
      var c = { id: n.id, label: n.label };
      if (n.aliases && n.aliases.length) c.aliases = n.aliases.slice();
      if (n.description) c.description = n.description;
      if (typeof n.initial === "number") c.initial = n.initial;
      m.concepts.push(c);
    });
    DATA.edges.forEach(function (e) {
      var x = { cause: e.source, effect: e.target, weight: e.weight, sign: e.sign, evidence: e.evidence.map(function (ev) {
        var o = {};
        keep.forEach(function (k) { if (ev[k] !== undefined && ev[k] !== null) o[k] = ev[k]; });
        return o;
      }) };
      if (e.support) x.support = e.support;
      m.edges.push(x);
    });
    return m;
  }
  $("export-png").addEventListener("click", function () { download(slug(DATA.title) + ".png", pngOfView()); });
  $("export-svg").addEventListener("click", function () { download(slug(DATA.title) + ".svg", new Blob([svgOfView()], { type: "image/svg+xml" })); });
  $("export-model").addEventListener("click", function () {
    download(slug(DATA.title) + ".model.json", new Blob([JSON.stringify(modelOfPage(), null, 2) + "\n"], { type: "application/json" }));
  });
  window.cogmapExport = { png: function () { return cy.png({ bg: "#ffffff", full: false }); }, svg: svgOfView, model: modelOfPage };

  // -- review ---------------------------------------------------------------------------
  // Only `cogmap serve` sets DATA.review (never the input): the endpoint, this page's view, the log.
  // The server checks that a request comes from its own page (Origin and Host) and stores it with
  // who and when; the page then reloads to show the reviewed map.
  var REVIEW = DATA.review || null;
  function reviewText(r) {
    return (r.status === "accepted" ? "Accepted" : r.status === "added" ? "Added" : r.status === "flipped" ? "Sign flipped" : "Reviewed") +
      " by " + (r.who || "someone") + " on " + (r.at || "") + (r.note ? ": " + r.note : "");
  }
  var reviewerBox = null;
  function reviewer() {
    if (reviewerBox && reviewerBox.value.trim()) return reviewerBox.value.trim();
    return REVIEW && REVIEW.who || "";
  }
  function send(action, payload, status) {
    var body = Object.assign({ action: action, who: reviewer() }, payload);
    status.textContent = "Saving\u2026";
    try { if (reviewerBox) localStorage.setItem("cogmap-reviewer", reviewer()); } catch (err) { /* storage may be off */ }
    fetch(REVIEW.endpoint, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
      credentials: "same-origin" })
      .then(function (r) { return r.json().then(function (j) { return [r.ok, j]; }, function () { return [r.ok, {}]; }); })
      .then(function (res) {
        if (!res[0]) { status.textContent = "Not saved: " + (res[1].detail || "the server refused"); return; }
        status.textContent = "Saved. Reloading the reviewed map\u2026";
        location.reload();
      }, function (err) { status.textContent = "Not saved: " + err; });
  }
  function reviewBox(title) {
    var box = el("div", "review-box");
    box.appendChild(el("h3", null, title));
    return box;
  }
  function noteInput(ph) { var i = el("input"); i.type = "text"; i.placeholder = ph || "note (why)"; i.className = "review-note"; i.maxLength = 2000; return i; }
  function button(text, fn) { var b = el("button", "review-action", text); b.type = "button"; b.addEventListener("click", fn); return b; }
  function reviewEdgeControls(e) {
    if (!REVIEW) return;
    var box = reviewBox("Review this link"), note = noteInput(), status = el("p", "muted review-msg");
    var key = { cause: labelOf[e.source], effect: labelOf[e.target] };
    box.appendChild(note);
    box.appendChild(button("Accept", function () { send("accept", Object.assign({ note: note.value }, key), status); }));
    box.appendChild(button("Reject", function () { send("reject", Object.assign({ note: note.value }, key), status); }));
    box.appendChild(button("Flip sign", function () { send("flip", Object.assign({ note: note.value }, key), status); }));
    box.appendChild(status);
    panel.appendChild(box);
  }
  function conceptSelect(except) {
    var s = el("select");
    byLabel.forEach(function (id) { if (id === except) return; var o = el("option", null, labelOf[id]); o.value = labelOf[id]; s.appendChild(o); });
    return s;
  }
  function reviewNodeControls(n) {
    if (!REVIEW) return;
    var box = reviewBox("Review this concept"), status = el("p", "muted review-msg");
    var name = el("input"); name.type = "text"; name.value = n.label; name.className = "review-label"; name.maxLength = 300;
    box.appendChild(el("label", null, "New wording "));
    box.appendChild(name);
    box.appendChild(button("Rename", function () { send("rename", { concept: n.label, label: name.value }, status); }));
    var into = conceptSelect(n.id);
    var row = el("div");
    row.appendChild(el("label", null, "Merge into "));
    row.appendChild(into);
    row.appendChild(button("Merge", function () { send("merge", { concept: n.label, into: into.value }, status); }));
    box.appendChild(row);
    if (n.aliases && n.aliases.length) {
      // A wording the machine merged in wrongly stands apart again, with its own links.
      var wording = el("select"), split = el("div");
      n.aliases.forEach(function (a) { var o = el("option", null, a); o.value = a; wording.appendChild(o); });
      split.appendChild(el("label", null, "Split off "));
      split.appendChild(wording);
      split.appendChild(button("Split", function () { send("split", { concept: n.label, wording: wording.value }, status); }));
      box.appendChild(split);
    }
    box.appendChild(status);
    panel.appendChild(box);
  }
  function setupReview() {
    var note = $("review-note");
    if (!REVIEW) {
      note.textContent = DATA.store && NAV ? "Reviewing is done on the corpus map: open \u201cthe whole corpus\u201d (/report)." :
        "This page is read-only. To review the map (accept, reject, rename, merge, split, flip a sign, add a link), keep the " +
        "articles in a store and open it in cogmap serve: `cogmap add ARTICLES --db corpus.db`, then `cogmap serve --db " +
        "corpus.db` and http://127.0.0.1:8000/report. Every change is saved there with who and when.";
      return;
    }
    note.textContent = "Review mode: changes are saved in " + (REVIEW.store || "the store") + " with your name and the time, " +
      "and `cogmap map --db` uses them; the machine's reading stays in the store (`cogmap map --db STORE --original`).";
    var who = el("label", "reviewer", " Your name ");
    reviewerBox = el("input");
    reviewerBox.type = "text";
    reviewerBox.maxLength = 100;
    try { reviewerBox.value = localStorage.getItem("cogmap-reviewer") || REVIEW.who || ""; } catch (err) { reviewerBox.value = REVIEW.who || ""; }
    who.appendChild(reviewerBox);
    note.appendChild(who);
    // Add a link: between two concepts of the map, or a new wording for either end.
    var add = el("details", "review-add"), status = el("p", "muted review-msg");
    add.appendChild(el("summary", null, "Add a link"));
    var cause = el("input"), effect = el("input"), sign = el("select"), noteBox = noteInput("note: where this comes from");
    var list = el("datalist"); list.id = "concept-names";
    byLabel.forEach(function (id) { var o = el("option"); o.value = labelOf[id]; list.appendChild(o); });
    [cause, effect].forEach(function (i, k) { i.type = "text"; i.setAttribute("list", "concept-names"); i.placeholder = k ? "effect" : "cause"; i.maxLength = 300; });
    [["1", "raises (+)"], ["-1", "lowers (\u2212)"]].forEach(function (kv) { var o = el("option", null, kv[1]); o.value = kv[0]; sign.appendChild(o); });
    cause.id = "add-cause"; effect.id = "add-effect"; sign.id = "add-sign"; noteBox.id = "add-note";
    [cause, sign, effect, noteBox].forEach(function (x) { add.appendChild(x); });
    add.appendChild(list);
    add.appendChild(button("Add link", function () {
      send("add", { cause: cause.value, effect: effect.value, sign: parseInt(sign.value, 10), note: noteBox.value }, status); }));
    add.appendChild(status);
    note.appendChild(add);
    var log = REVIEW.log || [];
    if (log.length) {
      var d = el("details", "review-log"), ol = el("ol"), undoStatus = el("p", "muted review-msg");
      d.appendChild(el("summary", null, log.length + " review" + (log.length === 1 ? "" : "s") + " so far"));
      // A mistaken review is undone, not erased: it stays in the log, struck through, with who undid it.
      log.forEach(function (r) {
        var li = el("li");
        li.appendChild(el("span", r.undone_at ? "review-undone" : null,
          "#" + r.id + " " + r.at + " \u00b7 " + (r.who || "someone") + " \u00b7 " + r.summary + (r.note ? " (" + r.note + ")" : "")));
        if (r.undone_at) li.appendChild(el("span", "muted", " \u2014 undone by " + (r.undone_by || "someone") + " on " + r.undone_at.slice(0, 10)));
        else li.appendChild(button("Undo", function () { send("undo", { id: r.id }, undoStatus); }));
        ol.appendChild(li);
      });
      d.appendChild(ol);
      d.appendChild(undoStatus);
      note.appendChild(d);
    }
  }
  setupReview();

  // -- links into the page: #link=e3, #concept=ID, #loop=2, #whatif=ID -------------------
  // A concept is named by the map's id, by the id a document's JSON gives it (cogmap.document/1
  // writes "oil-prices" where a map writes "oil_prices"), or by its label.
  function conceptNamed(v) {
    if (nodeById[v]) return v;
    var id = v.toLowerCase().replace(/-/g, "_");
    if (nodeById[id]) return id;
    var found = DATA.nodes.filter(function (n) { return String(n.label).toLowerCase() === v.toLowerCase(); })[0];
    return found ? found.id : null;
  }
  function follow() {
    var m = /^#(link|concept|loop|whatif)=(.*)$/.exec(location.hash || "");
    if (!m) return;
    var v;
    try { v = decodeURIComponent(m[2]); } catch (err) { return; }  // a malformed link opens the page as it is
    var cid = (m[1] === "concept" || m[1] === "whatif") ? conceptNamed(v) : null;
    if (m[1] === "link" && edgeById[v]) { unhighlight(); cy.getElementById(v).select(); showEdge(edgeById[v]); }
    else if (m[1] === "concept" && cid) { focusConcept(cid); }
    else if (m[1] === "loop" && loopPickers[+v - 1]) { loopPickers[+v - 1](); }
    else if (m[1] === "whatif" && cid && cid in idxOf && DATA.edges.length) { showWhatIf(cid); }
  }
  window.addEventListener("hashchange", follow);
  // For tests and power users: the Cytoscape instance (cogmapMap is its older name).
  window.cy = cy;
  window.cogmapMap = cy;
  follow();
})();
