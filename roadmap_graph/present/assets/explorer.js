// The explorer page's script (roadmap_graph/present/explorer.py inlines it in the page, after the
// data and cytoscape.js). It reads DATA (explorer_data) from the element #roadmap-data and exposes
// window.roadmapExplorer. Every word it shows comes from DATA.words (the package catalogue).
(function () {
  "use strict";
  var started = window.performance.now();
  var DATA = JSON.parse(document.getElementById("roadmap-data").textContent);
  var parsedAt = window.performance.now();
  var state = { lang: DATA.lang, selected: null, hidden: { field: {}, kind: {} }, results: [], active: -1, fit: null };
  var byId = {}, fieldById = {}, out = {}, inc = {};
  DATA.nodes.forEach(function (n) { byId[n.id] = n; out[n.id] = []; inc[n.id] = []; });
  DATA.fields.forEach(function (f) { fieldById[f.id] = f; });
  DATA.edges.forEach(function (e, i) { out[e.source].push(i); inc[e.target].push(i); });

  function w(key) { var e = DATA.words[key]; return e ? e[state.lang] : key; }
  function nameIn(n, lang) { return lang === "en" && n.name_en ? n.name_en : n.name; }
  function fieldName(id) {
    var f = fieldById[id];
    if (!f) { return String(id); }
    return state.lang === "en" && f.name_en ? f.name_en : f.name;
  }
  function el(tag, props, children) {
    var e = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) {
      if (k === "text") { e.textContent = props[k]; }
      else if (k === "class") { e.className = props[k]; }
      else { e.setAttribute(k, props[k]); }
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) { e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); }
    });
    return e;
  }
  function nodeLink(id) {
    var n = byId[id];
    var b = el("span", { role: "button", tabindex: "0", "class": "node-link", "data-id": id, text: n ? nameIn(n, state.lang) : id });
    b.addEventListener("click", function () { choose(id); });
    b.addEventListener("keydown", function (evt) {
      if (evt.key === "Enter" || evt.key === " ") { evt.preventDefault(); choose(id); }
    });
    return b;
  }

  // ---- graph -------------------------------------------------------------------------
  var S = DATA.style, MARK = S.marks, WID = S.widths, SCALE = 1.3;
  var fieldRank = {};
  DATA.fields.forEach(function (f, i) { fieldRank[f.id] = i; });
  function routeData(e, lang) {
    var r = e.route && e.route[lang];
    if (!r || !r.weights.length) { return { routed: false }; }
    return {
      routed: true,
      sw: r.weights.join(" "),
      sd: r.distances.join(" "),
      se: r.source[0] + "px " + r.source[1] + "px",
      te: r.target[0] + "px " + r.target[1] + "px"
    };
  }
  function layoutOf(lang) {
    return DATA.layout[lang] || { kind: "grid", bands: [], rows: [], font: 11.25, marker: 13, label_width: 130 };
  }
  function labelOf(n, lang) { return n.label ? n.label[lang] : nameIn(n, lang); }
  // Opened folded, the graph is built with what the folded view shows; the rest (the nodes folded
  // away and the links between nodes) is added the first time it is needed (ensureFull).
  var elements = [], rest = [];
  var L0 = layoutOf(state.lang);
  var READABLE = 11;                       // px: the smallest label drawn
  var FLOOR = READABLE / L0.font;          // the zoom at which every label is READABLE px
  var COLLAPSE = FLOOR * 0.45;             // below it, the view folds into core technologies
  var hasFolds = Object.keys(DATA.folds).length > 0;
  // The first view, known before the graph is built (so it is built folded when it opens folded).
  var container = document.getElementById("cy");
  function wholeView(size, W, H) {
    var z = Math.min((W - 8) / Math.max(size[0], 1), (H - 8) / Math.max(size[1], 1));
    z = z < FLOOR && z >= FLOOR * 0.9 ? FLOOR : Math.min(z, FLOOR * 2);
    return { zoom: z, pan: { x: W / 2 - z * size[0] / 2, y: H / 2 - z * size[1] / 2 } };
  }
  var view0 = wholeView(L0.size || [1, 1], container.clientWidth || 1, container.clientHeight || 1);
  var collapsed = hasFolds && view0.zoom < COLLAPSE;
  var maxFold = 1;
  Object.keys(DATA.folded).forEach(function (k) { maxFold = Math.max(maxFold, DATA.folded[k]); });
  L0.bands.forEach(function (b) {
    elements.push({ group: "nodes", data: { id: "Band:" + b.field, field: b.field, label: b.label, w: b.w, h: b.h,
      colour: (fieldById[b.field] || {}).colour || MARK.ghost }, position: { x: b.x, y: b.y }, classes: "band",
      selectable: false, grabbable: false });
  });
  L0.rows.forEach(function (r, i) {
    elements.push({ group: "nodes", data: { id: "Row:" + i, label: r.label }, position: { x: r.x, y: r.y },
      classes: "rowtitle", selectable: false, grabbable: false });
  });
  DATA.nodes.forEach(function (n) {
    var folded = DATA.folded[n.id] || 0, foldable = n.kind === "enabling_technology" || n.kind === "ecosystem_measure";
    (foldable && collapsed ? rest : elements).push({ group: "nodes", data: { id: n.id, label: labelOf(n, state.lang), kind: n.kind, field: n.field,
      colour: (fieldById[n.field] || {}).colour || MARK.ghost, shape: DATA.shapes[n.kind] || "ellipse",
      fold: folded, badge: folded ? "+" + folded : "" },
      position: { x: n.pos[state.lang][0], y: n.pos[state.lang][1] },
      classes: "rg " + n.kind + (foldable ? " foldable" + (collapsed ? " folded" : "") : "") + (folded ? " has-fold" + (collapsed ? " collapsed-core" : "") : "") });
  });
  DATA.edges.forEach(function (e, i) {
    var cls = e.relation === "supported_by" ? "support" : (e.group == null ? "plain" : "alternative");
    if (e.provenance === "inferred") { cls += " inferred"; }
    if ((byId[e.source] || {}).field !== (byId[e.target] || {}).field) { cls += " cross"; }
    var data = routeData(e, state.lang);
    data.id = "e" + i;
    data.source = e.source;
    data.target = e.target;
    (collapsed ? rest : elements).push({ group: "edges", data: data, classes: cls + (collapsed ? " folded" : "") });
  });
  DATA.folded_edges.forEach(function (f, i) {
    var cls = collapsed ? "agg on" : "agg";
    if (!(f[3] & 1)) { cls += " inferred"; }
    if (!(f[3] & 2)) { cls += " support"; }
    if (f[3] & 4) { cls += " cross"; }
    elements.push({ group: "edges", data: { id: "f" + i, source: DATA.nodes[f[0]].id, target: DATA.nodes[f[1]].id,
      count: f[2] }, classes: cls });
  });

  var font = L0.font, marker = L0.marker;
  var PAD = 24;
  var cy = cytoscape({
    container: container,
    elements: elements,
    layout: { name: "preset", fit: false },
    zoom: view0.zoom,
    pan: view0.pan,
    minZoom: 0.01,
    maxZoom: 8,
    boxSelectionEnabled: false,
    autoungrabify: true,
    hideEdgesOnViewport: DATA.nodes.length > 500,
    textureOnViewport: DATA.nodes.length > 500,
    style: [
      { selector: "node.rg", style: {
        "shape": "data(shape)", "width": marker, "height": marker, "background-color": "data(colour)",
        "border-width": 0, "border-color": MARK.ink, "label": "data(label)", "font-family": DATA.font_stack,
        "font-size": font, "color": MARK.ink, "text-valign": "bottom", "text-halign": "center",
        "text-margin-y": 2, "text-wrap": "wrap", "text-max-width": L0.label_width + "px",
        "min-zoomed-font-size": READABLE, "z-index": 10,
        "underlay-color": MARK.highlight, "underlay-opacity": 0, "underlay-padding": marker * 0.45,
        "underlay-shape": "ellipse" } },
      { selector: "node.mission", style: { "font-weight": "bold" } },
      { selector: "node.band", style: {
        "shape": "round-rectangle", "width": "data(w)", "height": "data(h)", "background-color": "data(colour)",
        "background-opacity": 0.06, "border-width": 1, "border-color": "data(colour)", "border-opacity": 0.35,
        "label": "data(label)", "font-family": DATA.font_stack, "font-size": font * 1.15, "font-weight": "bold",
        "color": "data(colour)", "text-valign": "top", "text-halign": "center", "text-margin-y": font * 1.6,
        "min-zoomed-font-size": READABLE, "events": "no", "z-index": 0 } },
      { selector: "node.rowtitle", style: {
        "width": 1, "height": 1, "background-opacity": 0, "border-width": 0, "label": "data(label)",
        "font-family": DATA.font_stack, "font-size": font * 1.1, "color": MARK.ink, "text-valign": "center",
        "text-halign": "center", "text-wrap": "wrap", "text-max-width": "1000px", "min-zoomed-font-size": READABLE,
        "events": "no" } },
      { selector: "edge", style: {
        "width": WID.requires * SCALE, "line-color": MARK.ink, "target-arrow-color": MARK.ink,
        "target-arrow-shape": "triangle", "arrow-scale": 0.6, "curve-style": "straight", "z-index": 5 } },
      { selector: "edge[?routed]", style: {
        "curve-style": "segments", "edge-distances": "node-position", "segment-weights": "data(sw)",
        "segment-distances": "data(sd)", "source-endpoint": "data(se)", "target-endpoint": "data(te)" } },
      { selector: "edge.alternative", style: { "target-arrow-fill": "hollow", "arrow-scale": 0.9 } },
      { selector: "edge.support", style: { "line-style": "dotted", "width": WID.support * SCALE } },
      { selector: "edge.inferred", style: { "line-color": MARK.inferred, "target-arrow-color": MARK.inferred,
        "line-style": "dashed", "line-dash-pattern": [6, 3] } },
      { selector: "edge.support.inferred", style: { "line-style": "dotted" } },
      { selector: "edge.cross", style: { "line-color": MARK.cross_field, "target-arrow-color": MARK.cross_field,
        "width": WID.cross_field * SCALE } },
      { selector: "edge.agg", style: { "display": "none", "width": "mapData(count, 1, 20, 1.2, 6)",
        "curve-style": "straight" } },
      { selector: "edge.agg.on", style: { "display": "element" } },
      { selector: "node.rg.folded, edge.folded", style: { "display": "none" } },
      { selector: "edge.agg.faded", style: { "opacity": 0.08 } },
      { selector: "node.rg.has-fold.collapsed-core", style: {
        "width": "mapData(fold, 0, " + maxFold + ", " + marker * 1.6 + ", " + marker * 5 + ")",
        "height": "mapData(fold, 0, " + maxFold + ", " + marker * 1.6 + ", " + marker * 5 + ")",
        "label": "data(badge)", "font-size": "mapData(fold, 0, " + maxFold + ", " + font * 2 + ", " + font * 7 + ")",
        "font-weight": "bold" } },
      { selector: ".hidden", style: { "display": "none" } },
      { selector: "node.rg.faded", style: { "opacity": 0.15 } },
      { selector: "edge.faded", style: { "opacity": 0.08 } },
      { selector: "node.rg.via", style: { "opacity": 0.55 } },
      { selector: "edge.highlighted", style: { "width": WID.requires * SCALE * 1.6, "z-index": 8 } },
      { selector: "node.rg.dependent", style: { "border-width": 3.2, "border-style": "double" } },
      { selector: "node.rg.gateway-trivial", style: { "border-width": WID.trivial_gateway * SCALE } },
      { selector: "node.rg.gateway-deep", style: { "border-width": WID.deep_gateway * SCALE * 1.2 } },
      { selector: "node.rg.hit", style: { "underlay-opacity": 0.9 } },
      { selector: "node.rg.selected-node", style: { "underlay-opacity": 1, "underlay-padding": marker * 0.6,
        "border-width": 2.4, "border-style": "solid", "font-weight": "bold" } }
    ]
  });

  // ---- the view: fitting, readable labels, semantic zoom, tooltips -----------------------
  // Node bounds (no label measuring: that costs seconds at 2,000 nodes) widened by the room labels take.
  function box(coll) {
    var bb = coll.boundingBox({ includeLabels: false, includeOverlays: false, includeUnderlays: false });
    var half = (L0.label_width > 500 ? font * 4.5 : L0.label_width / 2), below = font * 3.6;
    return { x1: bb.x1 - half, x2: bb.x2 + half, y1: bb.y1 - font, y2: bb.y2 + below,
             w: bb.w + 2 * half, h: bb.h + font + below };
  }
  function place(bb, zoom) {
    zoom = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), zoom));
    cy.viewport({ zoom: zoom, pan: { x: cy.width() / 2 - zoom * (bb.x1 + bb.w / 2),
                                     y: cy.height() / 2 - zoom * (bb.y1 + bb.h / 2) } });
  }
  function zoomFor(bb, pad) {
    return Math.min((cy.width() - 2 * pad) / Math.max(bb.w, 1), (cy.height() - 2 * pad) / Math.max(bb.h, 1));
  }
  function visibleNodes() { return cy.nodes(".rg").filter(function (x) { return !x.hasClass("hidden"); }); }
  // The whole (visible) graph; when it nearly fits at the readable zoom (within 10 %), at that zoom.
  function fitAll() {
    var nodes = visibleNodes(), size = layoutOf(state.lang).size;
    if (!nodes.length) { return; }
    // unfiltered: the layout's own bounds (labels, bands and row titles included)
    var bb = nodes.length === DATA.nodes.length && size ? { x1: 0, y1: 0, w: size[0], h: size[1] } : box(nodes);
    var z = zoomFor(bb, 4);
    place(bb, z < FLOOR && z >= FLOOR * 0.9 ? FLOOR : Math.min(z, FLOOR * 2));
  }
  // The selection: all of it when it fits at the readable zoom, else the focus and its nearest.
  function fitTo(coll, focus) {
    state.fit = null;
    if (!coll.length) { return; }
    var z = zoomFor(box(coll), PAD);
    if (z >= FLOOR) { place(box(coll), Math.min(z, FLOOR * 2.2)); return; }
    var c = focus.position();
    var near = coll.sort(function (a, b) {
      var pa = a.position(), pb = b.position();
      return (Math.pow(pa.x - c.x, 2) + Math.pow(pa.y - c.y, 2)) - (Math.pow(pb.x - c.x, 2) + Math.pow(pb.y - c.y, 2));
    });
    var shown = focus;
    for (var i = 0; i < near.length; i++) {
      var more = shown.union(near[i]);
      if (zoomFor(box(more), PAD) < FLOOR) { break; }
      shown = more;
    }
    place(box(shown), FLOOR);
    state.fit = { shown: shown.length, n: coll.length };
  }

  var full = rest.length === 0;
  function ensureFull() {
    if (full) { return; }
    full = true;
    cy.batch(function () {
      cy.add(rest);
      if (!collapsed) {
        cy.nodes(".foldable").removeClass("folded");
        cy.edges().not(".agg").removeClass("folded");
      }
    });
    rest = [];
    applyFilters();
  }
  function setCollapsed(on) {
    on = on && hasFolds;
    if (!on) { ensureFull(); }
    if (on === collapsed) { return; }
    collapsed = on;
    cy.batch(function () {
      cy.nodes(".foldable").toggleClass("folded", on);
      cy.edges().not(".agg").toggleClass("folded", on);
      cy.edges(".agg").toggleClass("on", on);
      cy.nodes(".has-fold").toggleClass("collapsed-core", on);
    });
    showViewNote();
  }
  function showViewNote() {
    var note = document.getElementById("view-note");
    note.textContent = collapsed ? w("collapsed_note") : "";
    note.hidden = !collapsed;
  }
  cy.on("zoom", function () { setCollapsed(cy.zoom() < COLLAPSE); });  // work only when it changes

  var tip = document.getElementById("tip");
  function showTip(x) {
    var n = byId[x.id()];
    var labelHidden = cy.zoom() * font < READABLE || x.hasClass("collapsed-core");
    if (!n || !labelHidden) { tip.hidden = true; return; }
    var lines = [nameIn(n, state.lang), w(n.kind) + " · " + fieldName(n.field)];
    if (collapsed && DATA.folded[n.id]) { lines.push(w("folded_count").replace("{n}", DATA.folded[n.id])); }
    tip.textContent = lines.join("\n");
    var p = x.renderedPosition();
    tip.style.left = Math.round(p.x + 12) + "px";
    tip.style.top = Math.round(p.y + 12) + "px";
    tip.hidden = false;
  }
  // The node under the pointer: the event's target, or (links end on nodes and win cytoscape's
  // hit test there) the nearest shown node within its marker.
  function nodeAt(evt) {
    if (evt.target !== cy && evt.target.isNode && evt.target.isNode() && evt.target.hasClass("rg")) { return evt.target; }
    var p = evt.position, best = null, reach = Math.max(marker * 0.8, 6 / cy.zoom()), bestD = reach * reach;
    var ends = evt.target !== cy && evt.target.isEdge && evt.target.isEdge() ? evt.target.connectedNodes() : cy.nodes(".rg");
    ends.forEach(function (x) {
      if (!x.visible()) { return; }
      var q = x.position(), d = (q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y);
      if (d <= bestD) { best = x; bestD = d; }
    });
    return best;
  }
  var hovered = null;
  cy.on("mousemove", function (evt) {
    var x = nodeAt(evt);
    if (x === hovered) { return; }
    hovered = x;
    if (x) { showTip(x); } else { tip.hidden = true; }
  });
  cy.on("mouseout", function (evt) { if (evt.target === cy) { hovered = null; tip.hidden = true; } });
  cy.on("viewport", function () { hovered = null; tip.hidden = true; });

  // ---- selection ---------------------------------------------------------------------
  var CLASSES = "highlighted gateway-deep gateway-trivial faded via dependent selected-node";
  function ids(collection) { return collection.map(function (x) { return x.id(); }).sort(); }

  // What a selection highlights: a mission's chain; a technology's prerequisites and dependents.
  function reach(id, dir) {
    var seen = {}, stack = [id], list = [];
    seen[id] = true;
    while (stack.length) {
      var u = stack.pop();
      (dir === "down" ? out[u] : inc[u]).forEach(function (i) {
        var v = dir === "down" ? DATA.edges[i].target : DATA.edges[i].source;
        if (!seen[v]) { seen[v] = true; list.push(v); stack.push(v); }
      });
    }
    return list.sort();
  }
  function selection(id) {
    var n = byId[id];
    if (n.kind === "mission") {
      return { down: DATA.chains[id].nodes.filter(function (x) { return x !== id; }), up: [] };
    }
    return { down: reach(id, "down"), up: reach(id, "up") };
  }
  function selectedIds() {
    if (!state.selected) { return []; }
    var s = selection(state.selected);
    return [state.selected].concat(s.down, s.up);
  }
  function hiddenOf(list) {
    return list.filter(function (x) { return cy.getElementById(x).hasClass("hidden"); });
  }

  function clearSearch() {
    input.value = "";
    results.hidden = true;
    results.textContent = "";
    cy.nodes(".hit").removeClass("hit");
  }
  function reset(opts) {
    state.selected = null;
    state.fit = null;
    cy.batch(function () { cy.elements().removeClass(CLASSES); });
    if (opts && opts.all) {
      clearSearch();
      Object.keys(state.hidden).forEach(function (g) {
        Object.keys(state.hidden[g]).forEach(function (v) { setFilter(g, v, true, { refit: false }); });
      });
      fitAll();
    }
    renderPanel();
  }

  function select(id, opts) {
    var n = byId[id];
    if (!n) { return false; }
    ensureFull();
    opts = opts || {};
    state.selected = id;
    var s = selection(id), down = {}, up = {}, edges = {}, gws = {};
    s.down.forEach(function (x) { down[x] = true; });
    s.up.forEach(function (x) { up[x] = true; });
    if (n.kind === "mission") {
      DATA.chains[id].edges.forEach(function (i) { edges["e" + i] = true; });
      var trivial = {};
      (DATA.trivial_gateways[id] || []).forEach(function (g) { trivial[g] = true; });
      (DATA.gateways[id] || []).forEach(function (g) { gws[g] = trivial[g] ? "gateway-trivial" : "gateway-deep"; });
    } else {
      DATA.edges.forEach(function (e, i) {
        if ((e.source === id || down[e.source]) && down[e.target]) { edges["e" + i] = true; }
        if ((e.target === id || up[e.target]) && up[e.source]) { edges["e" + i] = true; }
        if (e.source === id && down[e.target]) { edges["e" + i] = true; }
      });
    }
    cy.batch(function () {
      cy.elements().removeClass(CLASSES);
      cy.nodes(".rg").forEach(function (x) {
        var k = x.id();
        if (k === id || down[k]) { x.addClass("highlighted"); }
        else if (up[k]) { x.addClass(byId[k].kind === "mission" ? "highlighted dependent" : "via dependent"); }
        else { x.addClass("faded"); }
        if (gws[k]) { x.addClass(gws[k]); }
      });
      cy.edges().not(".agg").forEach(function (e) { e.addClass(edges[e.id()] ? "highlighted" : "faded"); });
      cy.getElementById(id).addClass("selected-node");
    });
    if (opts.fit !== false) { fitSelection(); }
    renderPanel();
    return true;
  }
  function fitSelection() {
    if (!state.selected) { fitAll(); return; }
    setCollapsed(false);
    var coll = cy.collection();
    selectedIds().forEach(function (x) {
      var e = cy.getElementById(x);
      if (!e.hasClass("hidden")) { coll = coll.union(e); }
    });
    var focus = cy.getElementById(state.selected);
    fitTo(coll, focus.hasClass("hidden") ? coll[0] : focus);
  }

  cy.on("tap", "node.rg", function (evt) { select(evt.target.id()); });
  cy.on("tap", function (evt) { if (evt.target === cy) { reset(); } });

  // ---- filters -----------------------------------------------------------------------
  function applyFilters() {
    cy.batch(function () {
      cy.nodes(".rg").forEach(function (x) {
        var n = byId[x.id()];
        x.toggleClass("hidden", !!(state.hidden.field[n.field] || state.hidden.kind[n.kind]));
      });
      cy.nodes(".band").forEach(function (x) { x.toggleClass("hidden", !!state.hidden.field[x.data("field")]); });
    });
  }
  function setFilter(group, value, on, opts) {
    ensureFull();
    state.hidden[group][value] = !on;
    var b = document.querySelector('input[data-group="' + group + '"][data-value="' + value + '"]');
    if (b) { b.checked = !!on; }
    applyFilters();
    if (!opts || opts.refit !== false) { fitSelection(); renderPanel(); }
  }
  function showHidden() {
    hiddenOf(selectedIds()).forEach(function (x) {
      var n = byId[x];
      if (state.hidden.field[n.field]) { setFilter("field", n.field, true, { refit: false }); }
      if (state.hidden.kind[n.kind]) { setFilter("kind", n.kind, true, { refit: false }); }
    });
    fitSelection();
    renderPanel();
  }
  function buildFilters() {
    var ff = document.getElementById("field-filter"), kf = document.getElementById("kind-filter");
    function checkbox(group, value, swatch) {
      var inp = el("input", { type: "checkbox", "data-group": group, "data-value": value });
      inp.checked = !state.hidden[group][value];
      inp.addEventListener("change", function () { setFilter(group, value, inp.checked); });
      var label = el("span", { "data-filter-label": group + ":" + value });
      return el("label", {}, [inp, " ", swatch, label]);
    }
    DATA.fields.forEach(function (f) {
      ff.appendChild(checkbox("field", f.id, el("span", { "class": "swatch", style: "background:" + f.colour })));
    });
    DATA.kinds.forEach(function (k) { kf.appendChild(checkbox("kind", k, null)); });
  }

  // ---- search ------------------------------------------------------------------------
  function norm(s) { return String(s || "").normalize("NFC").toLowerCase(); }
  function search(text) {
    var q = norm(text).trim();
    if (!q) { return []; }
    return DATA.nodes.filter(function (n) {
      return norm(n.id).indexOf(q) >= 0 || norm(n.name).indexOf(q) >= 0 || norm(n.name_en).indexOf(q) >= 0;
    }).map(function (n) { return n.id; }).sort();
  }
  var input = document.getElementById("search"), results = document.getElementById("results");
  function showResults() {
    var q = input.value;
    if (q.trim()) { ensureFull(); }
    state.results = search(q);
    state.active = state.results.length ? 0 : -1;
    results.textContent = "";
    cy.batch(function () {
      cy.nodes(".hit").removeClass("hit");
      state.results.slice(0, 200).forEach(function (id) { cy.getElementById(id).addClass("hit"); });
    });
    if (!q.trim()) { results.hidden = true; return; }
    if (!state.results.length) { results.appendChild(el("li", { "class": "muted", text: w("no_results") })); }
    state.results.slice(0, 200).forEach(function (id, i) {
      var n = byId[id];
      var other = state.lang === "en" ? id : (n.name_en ? n.name_en + " · " + id : id);
      var li = el("li", { role: "option", "data-id": id, "class": i === state.active ? "active" : "" },
        [nameIn(n, state.lang), " ", el("span", { "class": "rid", text: other })]);
      li.addEventListener("mousedown", function (evt) { evt.preventDefault(); choose(id); });
      results.appendChild(li);
    });
    results.hidden = false;
  }
  function choose(id) {
    results.hidden = true;
    var n = byId[id];
    if (state.hidden.field[n.field]) { setFilter("field", n.field, true, { refit: false }); }
    if (state.hidden.kind[n.kind]) { setFilter("kind", n.kind, true, { refit: false }); }
    select(id);
  }
  input.addEventListener("input", showResults);
  input.addEventListener("focus", function () { if (input.value.trim()) { showResults(); } });
  input.addEventListener("blur", function () { results.hidden = true; });
  input.addEventListener("keydown", function (evt) {
    var items = results.querySelectorAll("li[data-id]");
    if (evt.key === "ArrowDown" || evt.key === "ArrowUp") {
      if (!items.length) { return; }
      evt.preventDefault();
      state.active = (state.active + (evt.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
      items.forEach(function (li, i) { li.classList.toggle("active", i === state.active); });
    } else if (evt.key === "Enter") {
      var matches = search(input.value);
      if (matches.length) { choose(state.active >= 0 && state.results[state.active] ? state.results[state.active] : matches[0]); }
    } else if (evt.key === "Escape") {
      results.hidden = true;
    }
  });

  // ---- language ----------------------------------------------------------------------
  function setLang(lang, opts) {
    if (!DATA.words.field[lang]) { return false; }
    state.lang = lang;
    document.documentElement.lang = lang;
    var L = layoutOf(lang);
    if (!opts || !opts.init) { ensureFull(); }
    if (!opts || !opts.init) cy.batch(function () {
      DATA.nodes.forEach(function (n) {
        var x = cy.getElementById(n.id);
        x.data("label", labelOf(n, lang));
        x.position({ x: n.pos[lang][0], y: n.pos[lang][1] });
      });
      L.bands.forEach(function (b) {
        var x = cy.getElementById("Band:" + b.field);
        x.data({ label: b.label, w: b.w, h: b.h });
        x.position({ x: b.x, y: b.y });
      });
      L.rows.forEach(function (r, i) {
        var x = cy.getElementById("Row:" + i);
        if (x.length) { x.data("label", r.label); x.position({ x: r.x, y: r.y }); }
      });
      DATA.edges.forEach(function (e, i) { if (e.route) { cy.getElementById("e" + i).data(routeData(e, lang)); } });
    });
    document.title = DATA.title[lang];
    document.getElementById("title").textContent = DATA.title[lang];
    input.placeholder = w("search");
    input.setAttribute("aria-label", w("search"));
    document.querySelectorAll("[data-w]").forEach(function (x) { x.textContent = w(x.getAttribute("data-w")); });
    document.querySelectorAll("[data-filter-label]").forEach(function (x) {
      var gv = x.getAttribute("data-filter-label").split(":");
      x.textContent = gv[0] === "field" ? fieldName(gv[1]) : w(gv[1]);
    });
    document.querySelectorAll("#lang button").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-lang") === lang));
    });
    showViewNote();
    cy.resize();
    tip.hidden = true;
    if (!results.hidden) { showResults(); }
    if (!opts || opts.refit !== false) { fitSelection(); }
    renderPanel();
    return true;
  }
  document.querySelectorAll("#lang button").forEach(function (b) {
    b.addEventListener("click", function () { setLang(b.getAttribute("data-lang")); });
  });
  document.getElementById("reset").addEventListener("click", function () { reset({ all: true }); });

  // ---- side panel --------------------------------------------------------------------
  var panel = document.getElementById("panel");
  var SYMBOLS = { rectangle: "\u25a0", "round-rectangle": "\u25a0", diamond: "\u25c6", ellipse: "\u25cf", triangle: "\u25b2" };
  function section(title, children) {
    return [el("h3", { text: title })].concat(children.filter(function (c) { return c; }));
  }
  function list(items) { return el("ul", {}, items.map(function (c) { return el("li", {}, [c]); })); }
  // Only an http(s) address becomes a link; any other (javascript:, data:, file:) is shown
  // as text. The page's data marks the safe ones as "href"; this checks again.
  var WEB_URL = /^https?:\/\/[^\s\u0000-\u001f\u007f]+$/i;
  function webUrl(u) { return typeof u === "string" && WEB_URL.test(u) ? u : null; }
  function sourceItem(s) {
    var src = DATA.sources[s.source] || {};
    var titleText = src.title || s.source;
    var href = webUrl(src.href);
    var cite = el("cite", {}, [
      "— ",
      href ? el("a", { href: href, target: "_blank", rel: "noopener noreferrer", text: titleText }) : titleText,
      !href && src.url ? " <" + String(src.url) + ">" : null,
      src.date ? " (" + src.date + ")" : null,
      s.note ? " · " + s.note : null
    ]);
    return el("div", {}, [el("blockquote", { text: s.quote || "" }), cite]);
  }
  function renderOverview() {
    var kids = [el("h2", { text: DATA.title[state.lang] })];
    var info = [];
    if (DATA.roadmap.published) { info.push(el("dt", { text: w("published") }), el("dd", { text: String(DATA.roadmap.published) })); }
    if (DATA.roadmap.horizon) { info.push(el("dt", { text: w("horizon") }), el("dd", { text: String(DATA.roadmap.horizon) })); }
    if (info.length) { kids.push(el("dl", {}, info)); }
    kids.push(el("p", { text: w("hint") }));
    function line(css, key) {
      return el("span", {}, [el("span", { "class": "legend-line", style: css }), w(key)]);
    }
    function ring(css, key) {
      return el("span", {}, [el("span", { "class": "legend-ring", style: css }), w(key)]);
    }
    var ink = MARK.ink;
    kids = kids.concat(section(w("legend"), [
      list(DATA.fields.map(function (f) {
        return el("span", {}, [el("span", { "class": "swatch", style: "background:" + f.colour }), fieldName(f.id)]);
      })),
      list(DATA.kinds.map(function (k) { return el("span", {}, [(SYMBOLS[DATA.shapes[k]] || "") + " " + w(k)]); })),
      list([
        line("border-top: 2px solid " + ink, "edge_requires"),
        line("border-top: 2px solid " + ink, "edge_stated"),
        line("border-top: 2px dashed " + MARK.inferred, "edge_inferred"),
        line("border-top: 2px dotted " + ink, "edge_support"),
        line("border-top: 3px solid " + MARK.cross_field, "edge_cross_field"),
        el("span", {}, [el("span", { "class": "legend-glyph", text: "\u25b7" }), w("edge_alternative_mark")]),
        ring("background:" + MARK.highlight + "; border: 2px solid " + ink, "selected_mark"),
        ring("border: " + Math.round(WID.deep_gateway * SCALE * 1.2) + "px solid " + ink, "deep_gateway_mark"),
        ring("border: 1px solid " + ink, "trivial_gateway_mark"),
        ring("border: 3px double " + ink, "dependent_mark"),
        hasFolds ? el("span", {}, [el("span", { "class": "legend-glyph", text: "+N" }), w("fold_mark")]) : null,
        hasFolds ? line("border-top: 4px solid " + ink, "edge_folded") : null
      ].filter(function (x) { return x; }))
    ]));
    return kids;
  }
  function renderNode(n) {
    var lang = state.lang, kids = [];
    kids.push(el("h2", { text: nameIn(n, lang) }));
    if (lang === "ko" && n.name_en) { kids.push(el("p", { "class": "name-en", lang: "en", text: n.name_en })); }
    kids = kids.concat(selectionNote());
    var dl = [
      el("dt", { text: w("id") }), el("dd", {}, [el("code", { text: n.id })]),
      el("dt", { text: w("kind") }), el("dd", { text: w(n.kind) }),
      el("dt", { text: w("field") }), el("dd", { text: fieldName(n.field) })
    ];
    if (n.category) { dl.push(el("dt", { text: w("category") }), el("dd", { text: n.category })); }
    dl.push(el("dt", { text: w("provenance") }), el("dd", { text: w(n.provenance || "unknown") }));
    kids.push(el("dl", {}, dl));
    var desc = lang === "en" ? (n.description_en || n.description) : (n.description || n.description_en);
    if (desc) { kids = kids.concat(section(w("description"), [el("p", { text: desc })])); }
    if (n.targets.length) {
      kids = kids.concat(section(w("targets"), [list(n.targets.map(function (t) {
        return el("span", {}, [t.text[lang], t.note ? el("span", { "class": "muted", text: " · " + t.note }) : null]);
      }))]));
    }
    if (n.kind === "mission") {
      var gws = DATA.gateways[n.id] || [], trivial = DATA.trivial_gateways[n.id] || [];
      kids = kids.concat(section(w("gateways_nearest_first"),
        [gws.length ? list(gws.map(function (g) {
          var b = nodeLink(g); b.classList.add("gw");
          return el("span", {}, [b, el("span", { "class": "muted", text: " · " + w(trivial.indexOf(g) >= 0 ? "trivial_gateway_mark" : "deep_gateway_mark") })]);
        })) : el("p", { "class": "muted", text: w("none") })]));
      kids = kids.concat(section(w("chain"), [el("p", { text: DATA.chains[n.id].nodes.length + " " + w("nodes_count") })]));
    } else {
      var sel = selection(n.id);
      var upMissions = sel.up.filter(function (x) { return byId[x].kind === "mission"; });
      kids = kids.concat(section(w("dependent_missions"),
        [upMissions.length ? list(upMissions.map(nodeLink)) : el("p", { "class": "muted", text: w("none") })]));
      var gof = DATA.gateway_of[n.id] || [];
      if (gof.length) { kids = kids.concat(section(w("gateway_of"), [list(gof.map(nodeLink))])); }
      kids = kids.concat(section(w("prerequisites"),
        [sel.down.length ? list(sel.down.slice(0, 60).map(nodeLink)) : el("p", { "class": "muted", text: w("none") }),
         sel.down.length > 60 ? el("p", { "class": "muted", text: "+" + (sel.down.length - 60) }) : null]));
    }
    function edgeItems(indices, end) {
      return indices.map(function (i) {
        var e = DATA.edges[i];
        var how = e.relation === "supported_by" ? w("supported_by") : (e.group === null ? w("requires") : w("one_of") + " #" + (e.group + 1));
        return el("span", {}, [nodeLink(e[end]), el("span", { "class": "muted", text: " · " + how +
          (e.provenance === "inferred" ? " · " + w("inferred") : "") })]);
      });
    }
    kids = kids.concat(programmesOf(n));
    if (out[n.id].length) { kids = kids.concat(section(w("requires_list"), [list(edgeItems(out[n.id], "target"))])); }
    if (inc[n.id].length) { kids = kids.concat(section(w("required_by"), [list(edgeItems(inc[n.id], "source"))])); }
    if (n.sources.length) { kids = kids.concat(section(w("sources"), n.sources.map(sourceItem))); }
    return kids;
  }
  // ---- the portfolio: the programmes funding a node (DATA.portfolio, or null) -------------
  var TECHNOLOGY = { core_technology: true, enabling_technology: true };
  function money(v) {
    return Number(v).toLocaleString(state.lang === "en" ? "en-US" : "ko-KR", { maximumFractionDigits: 1 });
  }
  function programmeItem(id) {
    var P = DATA.portfolio, p = P.programmes[id], lang = state.lang;
    var name = lang === "en" && p.name_en ? p.name_en : p.name;
    var ministry = lang === "en" && p.ministry_en ? p.ministry_en : p.ministry;
    var facts = [];
    if (ministry) { facts.push(ministry); }
    facts.push(p.money === null ? w("unknown_money") : money(p.money) + " " + P.unit[lang]);
    if (p.years) { facts.push(p.years[0] === p.years[1] ? String(p.years[0]) : (p.years[0] || "") + "\u2013" + (p.years[1] || "")); }
    if (p.provenance === "inferred") { facts.push(w("inferred")); }
    var links = p.sources.map(function (s) {
      var href = webUrl(s.href), label = s.title || s.url || s.quote || "";
      return el("cite", {}, [
        "— ",
        href ? el("a", { href: href, target: "_blank", rel: "noopener noreferrer", text: label }) : label,
        !href && s.url && s.title ? " <" + String(s.url) + ">" : null,
        s.date ? " (" + s.date + ")" : null
      ]);
    });
    return el("div", { "class": "programme", "data-programme": id },
      [el("strong", { text: name }), el("span", { "class": "muted", text: " · " + facts.join(" · ") })].concat(links));
  }
  function programmesOf(n) {
    var P = DATA.portfolio;
    if (!P) { return []; }
    var own = P.by_node[n.id] || [];
    var kids = [];
    if (own.length) {
      kids = section(w("programmes"), [list(own.map(programmeItem))]);
    } else if (TECHNOLOGY[n.kind]) {
      kids = section(w("programmes"), [el("p", { "class": "no-programme", text: w("no_programme") })]);
    }
    if (n.kind === "mission") {
      var chain = P.missions[n.id] || [];
      kids = kids.concat(section(w("chain_programmes"),
        [chain.length ? list(chain.map(programmeItem)) : el("p", { "class": "no-programme", text: w("no_programme") })]));
    }
    return kids;
  }
  // How much of the selection is shown: hidden by filters (with a button), or not fitted.
  function selectionNote() {
    var all = selectedIds(), hidden = hiddenOf(all), kids = [];
    var p = el("p", { "class": "selection-note", id: "selection-count" });
    if (hidden.length) {
      p.textContent = w("hidden_by_filters").replace("{n}", all.length).replace("{hidden}", hidden.length) + " ";
      var b = el("button", { type: "button", id: "show-hidden", text: w("show_hidden") });
      b.addEventListener("click", showHidden);
      p.appendChild(b);
    } else {
      p.textContent = w("in_selection").replace("{n}", all.length);
    }
    kids.push(p);
    if (state.fit) {
      kids.push(el("p", { "class": "selection-note", id: "fit-note",
        text: w("fit_partial").replace("{shown}", state.fit.shown).replace("{n}", state.fit.n) }));
    }
    return kids;
  }
  function renderPanel() {
    panel.textContent = "";
    var n = state.selected ? byId[state.selected] : null;
    (n ? renderNode(n) : renderOverview()).forEach(function (c) { if (c) { panel.appendChild(c); } });
    panel.scrollTop = 0;
  }

  var builtAt = window.performance.now();
  buildFilters();
  setLang(state.lang, { refit: false, init: true });
  cy.resize();  // the header got its words: the canvas moved, and cytoscape caches where it is

  window.roadmapExplorer = {
    cy: cy,
    ready: true,
    // milliseconds since the page's navigation started: script start, data parsed, graph built and drawn
    timing: { script: started, parsed: parsedAt, built: builtAt, drawn: null },
    select: function (id) { return select(id, { fit: false }); },
    focus: function (id) { return select(id); },
    reset: function () { reset({ all: true }); },
    selected: function () { return state.selected; },
    highlighted: function () { return ids(cy.nodes(".rg.highlighted")); },
    dependents: function () { return ids(cy.nodes(".rg.dependent")); },
    prerequisites: function () { return state.selected ? selection(state.selected).down : []; },
    gateways: function () { return ids(cy.nodes(".rg.gateway-deep, .rg.gateway-trivial")); },
    trivialGateways: function () { return ids(cy.nodes(".rg.gateway-trivial")); },
    faded: function () { return ids(cy.nodes(".rg.faded")); },
    full: function () { ensureFull(); return true; },
    visible: function () { return ids(cy.nodes(".rg").filter(function (x) { return !x.hasClass("hidden"); })); },
    shown: function () { return ids(cy.nodes(".rg").filter(function (x) { return x.visible(); })); },
    collapsed: function () { return collapsed; },
    floor: FLOOR,
    collapseZoom: COLLAPSE,
    fontSize: font,
    fitNote: function () { return state.fit; },
    search: search,
    setLang: setLang,
    setFilter: setFilter,
    programmes: function () {
      return Array.prototype.map.call(panel.querySelectorAll("[data-programme]"), function (x) {
        return x.getAttribute("data-programme");
      });
    }
  };
  cy.one("render", function () { window.roadmapExplorer.timing.drawn = window.performance.now(); });
})();
