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
  // In a corpus, how many claims back a link says more than their mean weight: width follows support.
  var BY_SUPPORT = DATA.kind === "corpus";
  if (BY_SUPPORT) $("legend-width").textContent = "width = number of supporting claims; click a link for its quotes";
  var elements = [];
  DATA.nodes.forEach(function (n) {
    var item = { group: "nodes", data: { id: cyOf[n.id], label: n.label, role: n.role } };
    if (n.position) item.position = { x: n.position.x, y: n.position.y };
    elements.push(item);
  });
  DATA.edges.forEach(function (e) {
    elements.push({ group: "edges", data: { id: e.id, source: cyOf[e.source], target: cyOf[e.target], weight: e.weight,
      sign: e.sign, w: BY_SUPPORT ? Math.min(12, 1.5 + 3 * Math.log2(1 + (e.support ? e.support.claims : e.evidence.length))) :
        1.5 + 6 * Math.abs(e.weight) } });
  });
  // More concepts, more room: the map (and the panel beside it) grow with the square root of their number.
  var mapHeight = Math.round(Math.min(1100, Math.max(680, 60 * Math.sqrt(DATA.nodes.length))));
  $("map").style.height = mapHeight + "px";
  $("panel").style.maxHeight = mapHeight + "px";
  var cy = cytoscape({
    container: $("map"),
    elements: elements,
    style: [
      { selector: "node", style: { "label": "data(label)", "text-wrap": "wrap", "text-max-width": 150, "font-size": 17,
        "text-valign": "center", "text-halign": "center", "width": 170, "height": 60, "shape": "ellipse",
        "background-color": "#cfd8e3", "border-width": 1, "border-color": "#7a8594", "color": "#1d232b" } },
      { selector: "node[role = 'driver']", style: { "shape": "diamond", "background-color": "#f2a93b", "width": 200, "height": 90 } },
      { selector: "node[role = 'receiver']", style: { "shape": "round-rectangle", "background-color": "#5b8def", "color": "#fff" } },
      { selector: "node[role = 'unlinked']", style: { "background-color": "#eef1f4", "border-style": "dashed", "color": "#5b6573" } },
      { selector: "edge", style: { "width": "data(w)", "curve-style": "bezier", "target-arrow-shape": "triangle",
        "arrow-scale": 1.1, "line-color": "#1a8f3a", "target-arrow-color": "#1a8f3a", "opacity": 0.85 } },
      { selector: "edge[sign < 0]", style: { "line-color": "#c62828", "target-arrow-color": "#c62828", "line-style": "dashed",
        "target-arrow-shape": "tee" } },
      { selector: "edge[sign = 0]", style: { "line-color": "#9aa5b1", "target-arrow-color": "#9aa5b1" } },
      { selector: ".faded", style: { "opacity": 0.15 } },
      { selector: "node.hl", style: { "border-width": 4, "border-color": "#8e44ad" } },
      { selector: "edge.hl", style: { "opacity": 1, "z-index": 10 } },
      { selector: "edge:selected", style: { "overlay-opacity": 0.3, "overlay-color": "#8e44ad", "overlay-padding": 6,
        "opacity": 1, "z-index": 20 } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#1d232b" } }
    ],
    layout: { name: "preset", fit: true, padding: 30 }
  });
  // Each connected part is laid out on its own, then the parts are packed in rows. A part without a
  // cycle is drawn in layers, causes above their effects; a part with a feedback loop by a force layout.
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
  function arrange() {
    var boxes = [], ratio = cy.width() / Math.max(1, cy.height());
    cy.elements().components().forEach(function (comp) {
      var nodes = comp.nodes();
      if (nodes.length > 1) {
        var depth = layers(nodes);
        if (depth) {
          var rows = [];
          nodes.forEach(function (n) { (rows[depth[n.id()]] = rows[depth[n.id()]] || []).push(n); });
          // A layer wider than the map allows wraps onto staggered sub-rows (a hub's many effects, say).
          var w = 215, h = 130, maxRow = Math.max(6, Math.ceil(Math.sqrt(nodes.length * ratio * h / w))), y = 0;
          rows.forEach(function (row) {
            // order each layer by the mean position of the causes above, to keep links short and straight
            row.forEach(function (n) {
              var xs = n.incomers("node").map(function (m) { return m.scratch("_x") || 0; });
              n.scratch("_x", xs.length ? xs.reduce(function (a, b) { return a + b; }, 0) / xs.length : 0);
            });
            row.sort(function (a, b) { return a.scratch("_x") - b.scratch("_x"); });
            for (var start = 0; start < row.length; start += maxRow) {
              var part = row.slice(start, start + maxRow), shift = (start / maxRow) % 2 ? w / 2 : 0;
              part.forEach(function (n, i) {
                var x = (i - (part.length - 1) / 2) * w + shift;
                n.scratch("_x", x);
                n.position({ x: x, y: y });
              });
              y += h;
            }
          });
        } else {
          comp.layout({ name: "cose", randomize: false, animate: false, fit: false, nodeDimensionsIncludeLabels: true,
            nodeRepulsion: function () { return 1200000; }, idealEdgeLength: function () { return 130; },
            edgeElasticity: function () { return 60; }, gravity: 0.3, nodeOverlap: 40, numIter: 2500 }).run();
        }
      }
      boxes.push({ comp: comp, bb: comp.boundingBox({ includeLabels: true }) });
    });
    boxes.sort(function (a, b) { return b.bb.h - a.bb.h || b.bb.w - a.bb.w; });
    var gap = 50, area = 0, maxw = 0;
    boxes.forEach(function (b) { area += (b.bb.w + gap) * (b.bb.h + gap); maxw = Math.max(maxw, b.bb.w); });
    var rowWidth = Math.max(maxw, Math.sqrt(area * ratio));
    var x = 0, y = 0, rowH = 0;
    boxes.forEach(function (b) {
      if (x > 0 && x + b.bb.w > rowWidth) { x = 0; y += rowH + gap; rowH = 0; }
      var dx = x - b.bb.x1, dy = y - b.bb.y1;
      b.comp.nodes().positions(function (n) { var p = n.position(); return { x: p.x + dx, y: p.y + dy }; });
      x += b.bb.w + gap;
      rowH = Math.max(rowH, b.bb.h);
    });
    cy.fit(undefined, 30);
  }
  arrange();

  function unhighlight() {
    cy.elements().removeClass("faded hl");
    Array.prototype.forEach.call(document.querySelectorAll("#loops li.active"), function (li) { li.classList.remove("active"); });
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
      var li = el("li");
      li.appendChild(document.createTextNode(labelOf[e.source] + " "));
      li.appendChild(el("span", e.sign < 0 ? "sign-minus" : "sign-plus", e.sign < 0 ? "\u2212\u2192" : "+\u2192"));
      li.appendChild(document.createTextNode(" " + labelOf[e.target] + " (" + fmt(e.weight) + ")"));
      list.appendChild(li);
    });
    panel.appendChild(list);
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
  cy.on("tap", "node", function (evt) { unhighlight(); var cid = cidOf[evt.target.id()]; showNode(nodeById[cid]); setHash("concept=" + encodeURIComponent(cid)); });
  cy.on("tap", function (evt) { if (evt.target === cy) unhighlight(); });

  // -- links table (a keyboard-usable view of the map) ---------------------------------
  var lb = document.querySelector("#links tbody");
  DATA.edges.slice().sort(function (a, b) { return Math.abs(b.weight) - Math.abs(a.weight); }).forEach(function (e) {
    var tr = el("tr", "clickable");
    tr.tabIndex = 0;
    tr.appendChild(el("td", null, labelOf[e.source]));
    tr.appendChild(el("td", e.sign < 0 ? "sign-minus" : "sign-plus", e.sign < 0 ? "\u2212 lowers" : e.sign > 0 ? "+ raises" : "0 no effect"));
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
  // comes back (limit cycle), or the step limit.
  var W = DATA.whatif, st = W.settings;
  var N = DATA.nodes.length, idxOf = Object.create(null), incoming = [];
  DATA.nodes.forEach(function (n, i) { idxOf[n.id] = i; incoming.push([]); });
  DATA.edges.forEach(function (e) { if (e.weight !== 0) incoming[idxOf[e.target]].push([idxOf[e.source], e.weight]); });
  function transfer(x) {
    if (st.transfer === "tanh") return Math.tanh(st.lam * x);
    if (st.transfer === "bivalent") return x > 0 ? 1 : 0;
    if (st.transfer === "trivalent") return x > 0 ? 1 : x < 0 ? -1 : 0;
    return 1 / (1 + Math.exp(-st.lam * x));
  }
  function maxDiff(a, b) { var m = 0; for (var i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i])); return m; }
  function simulate(clamp) {  // clamp: {concept id: value}
    var a = DATA.nodes.map(function (n) { return typeof n.initial === "number" ? n.initial : 0; });
    var hold = incoming.map(function (l) { return l.length === 0; });
    Object.keys(clamp).forEach(function (id) { if (id in idxOf) { a[idxOf[id]] = clamp[id]; hold[idxOf[id]] = true; } });
    var hist = [a], status = "step-limit", period = 0;
    for (var t = 1; t <= st.steps; t++) {
      var prev = hist[t - 1], r = st.rule === "rescaled" ? prev.map(function (v) { return 2 * v - 1; }) : prev, next = new Array(N);
      for (var j = 0; j < N; j++) {
        if (hold[j]) { next[j] = prev[j]; continue; }
        var x = 0;
        for (var k = 0; k < incoming[j].length; k++) x += incoming[j][k][1] * r[incoming[j][k][0]];
        if (st.rule !== "kosko") x += r[j];
        next[j] = transfer(x);
      }
      hist.push(next);
      if (maxDiff(next, prev) <= st.threshold) { status = "converged"; break; }
      if (t >= 2) {
        for (var back = 2; back <= Math.min(t, 32); back++) {
          if (maxDiff(next, hist[t - back]) <= st.threshold) { status = "limit-cycle"; period = back; break; }
        }
        if (period) break;
      }
    }
    var values = Object.create(null), fin = hist[hist.length - 1];
    DATA.nodes.forEach(function (n, i) { values[n.id] = fin[i]; });
    return { status: status, steps: hist.length - 1, period: period, values: values };
  }
  window.cogmapSimulate = simulate;  // for the browser tests and the curious
  var baseline = null;
  function whatIf(clamp) {
    baseline = baseline || simulate({});
    var scen = simulate(clamp), changes = [];
    DATA.nodes.forEach(function (n) {
      if (own(clamp, n.id)) return;
      var b = baseline.values[n.id], v = scen.values[n.id];
      if (Math.abs(v - b) >= 1e-4) changes.push({ id: n.id, label: n.label, baseline: b, scenario: v, change: v - b });
    });
    changes.sort(function (x, y) { return Math.abs(y.change) - Math.abs(x.change) || x.label.localeCompare(y.label); });
    return { status: scen.status, steps: scen.steps, period: scen.period, changes: changes };
  }
  $("whatif-about").textContent = "Computed in your browser, as `cogmap simulate` does: a fuzzy-cognitive-map simulation (" +
    st.rule + " rule, " + st.transfer + " transfer, \u03bb = " + st.lam + ", at most " + st.steps + " steps) holds " +
    "the concepts you pick at the value you pick and compares every other concept with a run where nothing is held. " +
    "Changes are relative, not forecasts.";
  var sel = $("whatif-select"), selVal = $("whatif-value"), tbody = document.querySelector("#whatif-table tbody");
  var more = $("whatif-more"), extra = Object.create(null);  // id -> {box, value}
  var byLabel = DATA.nodes.map(function (n) { return n.id; }).sort(function (a, b) { return labelOf[a].localeCompare(labelOf[b]); });
  byLabel.forEach(function (id) { var o = el("option", null, labelOf[id]); o.value = id; sel.appendChild(o); });
  function valueSelect() {
    var s = el("select", "whatif-value");
    [["1", "1 (high)"], ["0.5", "0.5"], ["0", "0 (low)"]].forEach(function (kv) { var o = el("option", null, kv[1]); o.value = kv[0]; s.appendChild(o); });
    return s;
  }
  byLabel.forEach(function (id) {
    var row = el("label", "whatif-item"), box = el("input"), v = valueSelect();
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
  function refresh() {
    clear(tbody);
    var c = clampNow(), names = Object.keys(c).map(function (id) { return labelOf[id] + " = " + c[id]; });
    var r = whatIf(c);
    $("whatif-status").textContent = "Holding " + names.join(", ") + ": simulation " + r.status + " after " + r.steps +
      " steps" + (r.period ? " (cycle of " + r.period + ")" : "") + ". " + (r.changes.length ?
      r.changes.length + " concept" + (r.changes.length === 1 ? "" : "s") + " change:" : "Nothing else changes.");
    r.changes.forEach(function (ch) {
      var tr = el("tr");
      tr.appendChild(el("td", null, ch.label));
      tr.appendChild(el("td", "num " + (ch.change < 0 ? "sign-minus" : "sign-plus"), fmt(ch.change, 3) + (ch.change < 0 ? " lower" : " higher")));
      tr.appendChild(el("td", "num", ch.baseline.toFixed(3)));
      tr.appendChild(el("td", "num", ch.scenario.toFixed(3)));
      tbody.appendChild(tr);
    });
  }
  function showWhatIf(id) { sel.value = id; refresh(); }
  if (DATA.edges.length) {
    sel.addEventListener("change", function () { refresh(); setHash("whatif=" + encodeURIComponent(sel.value)); });
    selVal.addEventListener("change", refresh);
    // Start with the concept whose change moves the rest of the map most (from the precomputed table, when there).
    var ids = Object.keys(W.by);
    var reach = function (id) { return W.by[id].changes.reduce(function (t, c) { return t + Math.abs(c.change); }, 0); };
    var best = ids.length ? ids.reduce(function (a, b) { return reach(b) > reach(a) ? b : a; }, ids[0]) :
      DATA.edges.slice().sort(function (a, b) { return Math.abs(b.weight) - Math.abs(a.weight); })[0].source;
    showWhatIf(best);
  } else {
    sel.disabled = true;
    selVal.disabled = true;
    $("whatif-more-box").style.display = "none";
    $("whatif-status").textContent = "The map has no links, so nothing can change.";
  }

  // -- forecasts ------------------------------------------------------------------------
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
    tr.appendChild(s);
    tr.appendChild(el("td", null, f.speaker || "unknown"));
    tr.appendChild(el("td", "num", pct(f.probability)));
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

  // -- links into the page: #link=e3, #concept=ID, #loop=2, #whatif=ID -------------------
  function follow() {
    var m = /^#(link|concept|loop|whatif)=(.*)$/.exec(location.hash || "");
    if (!m) return;
    var v = decodeURIComponent(m[2]);
    if (m[1] === "link" && edgeById[v]) { unhighlight(); cy.getElementById(v).select(); showEdge(edgeById[v]); }
    else if (m[1] === "concept" && nodeById[v]) { unhighlight(); cy.getElementById(cyOf[v]).select(); showNode(nodeById[v]); }
    else if (m[1] === "loop" && loopPickers[+v - 1]) { loopPickers[+v - 1](); }
    else if (m[1] === "whatif" && v in idxOf && DATA.edges.length) { showWhatIf(v); }
  }
  window.addEventListener("hashchange", follow);
  window.cogmapMap = cy;  // for the browser tests and the curious: the Cytoscape instance
  follow();
})();
