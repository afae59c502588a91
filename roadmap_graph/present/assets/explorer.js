// The explorer page's script (roadmap_graph/present/explorer.py inlines it in the page, after the
// data and cytoscape.js). It reads DATA (explorer_data) from the element #roadmap-data and exposes
// window.roadmapExplorer. Every word it shows comes from DATA.words (the package catalogue).
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("roadmap-data").textContent);
  var state = { lang: DATA.lang, selected: null, hidden: { field: {}, kind: {} }, results: [], active: -1 };
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
    b.addEventListener("click", function () { select(id, { center: true }); });
    b.addEventListener("keydown", function (evt) {
      if (evt.key === "Enter" || evt.key === " ") { evt.preventDefault(); select(id, { center: true }); }
    });
    return b;
  }

  // ---- graph -------------------------------------------------------------------------
  function routeData(e, lang) {
    var r = e.route[lang];
    if (!r || !r.weights.length) { return { routed: false }; }
    return {
      routed: true,
      sw: r.weights.join(" "),
      sd: r.distances.join(" "),
      se: r.source[0] + "px " + r.source[1] + "px",
      te: r.target[0] + "px " + r.target[1] + "px"
    };
  }
  function layoutOf(lang) { return DATA.layout[lang] || { bands: [], rows: [], font: 10, marker: 11 }; }
  var elements = [];
  var L0 = layoutOf(state.lang);
  L0.bands.forEach(function (b) {
    elements.push({ group: "nodes", data: { id: "Band:" + b.field, field: b.field, label: b.label, w: b.w, h: b.h,
      colour: (fieldById[b.field] || {}).colour || "#999" }, position: { x: b.x, y: b.y }, classes: "band",
      selectable: false, grabbable: false });
  });
  L0.rows.forEach(function (r, i) {
    elements.push({ group: "nodes", data: { id: "Row:" + i, label: r.label }, position: { x: r.x, y: r.y },
      classes: "rowtitle", selectable: false, grabbable: false });
  });
  DATA.nodes.forEach(function (n) {
    elements.push({ group: "nodes", data: { id: n.id, label: n.label[state.lang], kind: n.kind, field: n.field,
      colour: (fieldById[n.field] || {}).colour || "#999", shape: DATA.shapes[n.kind] || "ellipse" },
      position: { x: n.pos[state.lang][0], y: n.pos[state.lang][1] }, classes: "rg " + n.kind });
  });
  DATA.edges.forEach(function (e, i) {
    var cls = e.relation === "supported_by" ? "support" : (e.group === null ? "plain" : "alternative");
    if (e.provenance === "inferred") { cls += " inferred"; }
    var data = routeData(e, state.lang);
    data.id = "e" + i;
    data.source = e.source;
    data.target = e.target;
    elements.push({ group: "edges", data: data, classes: cls });
  });

  var font = L0.font, marker = L0.marker;
  var cy = cytoscape({
    container: document.getElementById("cy"),
    elements: elements,
    layout: { name: "preset", fit: true, padding: 24 },
    minZoom: 0.2,
    maxZoom: 6,
    boxSelectionEnabled: false,
    autoungrabify: true,
    style: [
      { selector: "node.rg", style: {
        "shape": "data(shape)", "width": marker, "height": marker, "background-color": "data(colour)",
        "border-width": 0.8, "border-color": "#333", "label": "data(label)", "font-family": DATA.font_stack,
        "font-size": font, "color": "#222", "text-valign": "bottom", "text-halign": "center",
        "text-margin-y": 2, "text-wrap": "wrap", "text-max-width": "1000px", "min-zoomed-font-size": 0,
        "z-index": 10 } },
      { selector: "node.mission", style: { "font-weight": "bold" } },
      { selector: "node.band", style: {
        "shape": "round-rectangle", "width": "data(w)", "height": "data(h)", "background-color": "data(colour)",
        "background-opacity": 0.06, "border-width": 1, "border-color": "data(colour)", "border-opacity": 0.35,
        "label": "data(label)", "font-family": DATA.font_stack, "font-size": font * 1.15, "font-weight": "bold",
        "color": "data(colour)", "text-valign": "top", "text-halign": "center", "text-margin-y": font * 1.6,
        "events": "no", "z-index": 0 } },
      { selector: "node.rowtitle", style: {
        "width": 1, "height": 1, "background-opacity": 0, "border-width": 0, "label": "data(label)",
        "font-family": DATA.font_stack, "font-size": font * 1.1, "color": "#555", "text-valign": "center",
        "text-halign": "center", "text-wrap": "wrap", "text-max-width": "1000px", "events": "no" } },
      { selector: "edge", style: {
        "width": 0.8, "line-color": "#888", "target-arrow-color": "#888", "target-arrow-shape": "triangle",
        "arrow-scale": 0.55, "curve-style": "straight", "z-index": 5 } },
      { selector: "edge[?routed]", style: {
        "curve-style": "segments", "edge-distances": "node-position", "segment-weights": "data(sw)",
        "segment-distances": "data(sd)", "source-endpoint": "data(se)", "target-endpoint": "data(te)" } },
      { selector: "edge.alternative", style: { "line-style": "dashed", "line-dash-pattern": [5, 3] } },
      { selector: "edge.support", style: { "line-style": "dotted", "line-color": "#aaa", "target-arrow-color": "#aaa" } },
      { selector: "edge.inferred", style: { "line-opacity": 0.7 } },
      { selector: ".hidden", style: { "display": "none" } },
      { selector: "node.rg.faded", style: { "opacity": 0.15 } },
      { selector: "edge.faded", style: { "opacity": 0.08 } },
      { selector: "node.rg.via", style: { "opacity": 0.55 } },
      { selector: "node.rg.highlighted", style: { "border-width": 1.6, "border-color": "#000" } },
      { selector: "edge.highlighted", style: { "width": 1.6, "line-color": "#333", "target-arrow-color": "#333",
        "z-index": 8 } },
      { selector: "node.rg.gateway", style: { "border-width": 3, "border-color": DATA.gateway_colour } },
      { selector: "node.rg.selected-node", style: { "border-width": 3, "border-color": "#d00", "font-size": font * 1.1 } }
    ]
  });

  // ---- selection ---------------------------------------------------------------------
  var CLASSES = "highlighted gateway faded via selected-node";
  function ids(collection) { return collection.map(function (x) { return x.id(); }).sort(); }

  function reset() {
    state.selected = null;
    cy.batch(function () { cy.elements().removeClass(CLASSES); });
    renderPanel();
  }

  function ensureVisible(n) {
    var changed = false;
    [["field", n.field], ["kind", n.kind]].forEach(function (gv) {
      if (state.hidden[gv[0]][gv[1]]) { setFilter(gv[0], gv[1], true); changed = true; }
    });
    return changed;
  }

  function select(id, opts) {
    var n = byId[id];
    if (!n) { return false; }
    opts = opts || {};
    if (opts.center) { ensureVisible(n); }
    state.selected = id;
    var hl = {}, via = {}, edges = {}, gws = [];
    if (n.kind === "mission") {
      DATA.chains[id].nodes.forEach(function (x) { hl[x] = true; });
      DATA.chains[id].edges.forEach(function (i) { edges["e" + i] = true; });
      gws = DATA.gateways[id] || [];
    } else {
      var d = DATA.dependents[id] || { missions: [], via: [], edges: [] };
      hl[id] = true;
      d.missions.forEach(function (x) { hl[x] = true; });
      d.via.forEach(function (x) { via[x] = true; });
      d.edges.forEach(function (i) { edges["e" + i] = true; });
    }
    cy.batch(function () {
      cy.elements().removeClass(CLASSES);
      cy.nodes(".rg").forEach(function (x) {
        x.addClass(hl[x.id()] ? "highlighted" : (via[x.id()] ? "via" : "faded"));
      });
      cy.edges().forEach(function (e) { e.addClass(edges[e.id()] ? "highlighted" : "faded"); });
      gws.forEach(function (g) { cy.getElementById(g).addClass("gateway"); });
      cy.getElementById(id).addClass("selected-node");
    });
    if (opts.center) { cy.center(cy.getElementById(id)); }
    renderPanel();
    return true;
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
  function setFilter(group, value, on) {
    state.hidden[group][value] = !on;
    var box = document.querySelector('input[data-group="' + group + '"][data-value="' + value + '"]');
    if (box) { box.checked = !!on; }
    applyFilters();
  }
  function buildFilters() {
    var ff = document.getElementById("field-filter"), kf = document.getElementById("kind-filter");
    function box(group, value, swatch) {
      var input = el("input", { type: "checkbox", "data-group": group, "data-value": value });
      input.checked = !state.hidden[group][value];
      input.addEventListener("change", function () { setFilter(group, value, input.checked); });
      var text = el("span", { "data-filter-label": group + ":" + value });
      return el("label", {}, [input, " ", swatch, text]);
    }
    DATA.fields.forEach(function (f) {
      ff.appendChild(box("field", f.id, el("span", { "class": "swatch", style: "background:" + f.colour })));
    });
    DATA.kinds.forEach(function (k) { kf.appendChild(box("kind", k, null)); });
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
    state.results = search(q);
    state.active = state.results.length ? 0 : -1;
    results.textContent = "";
    if (!q.trim()) { results.hidden = true; return; }
    if (!state.results.length) { results.appendChild(el("li", { "class": "muted", text: w("no_results") })); }
    state.results.forEach(function (id, i) {
      var n = byId[id];
      var li = el("li", { role: "option", "data-id": id, "class": i === state.active ? "active" : "" },
        [nameIn(n, state.lang), " ", el("span", { "class": "rid", text: (state.lang === "en" ? n.name : (n.name_en || "")) + " · " + id })]);
      li.addEventListener("mousedown", function (evt) { evt.preventDefault(); choose(id); });
      results.appendChild(li);
    });
    results.hidden = false;
  }
  function choose(id) { results.hidden = true; select(id, { center: true }); }
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
  function setLang(lang) {
    if (!DATA.words.field[lang]) { return false; }
    state.lang = lang;
    document.documentElement.lang = lang;
    var L = layoutOf(lang);
    cy.batch(function () {
      DATA.nodes.forEach(function (n) {
        var x = cy.getElementById(n.id);
        x.data("label", n.label[lang]);
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
      DATA.edges.forEach(function (e, i) { cy.getElementById("e" + i).data(routeData(e, lang)); });
    });
    document.title = DATA.title[lang];
    document.getElementById("title").textContent = DATA.title[lang];
    input.placeholder = w("search");
    document.querySelectorAll("[data-w]").forEach(function (x) { x.textContent = w(x.getAttribute("data-w")); });
    document.querySelectorAll("[data-filter-label]").forEach(function (x) {
      var gv = x.getAttribute("data-filter-label").split(":");
      x.textContent = gv[0] === "field" ? fieldName(gv[1]) : w(gv[1]);
    });
    document.querySelectorAll("#lang button").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-lang") === lang));
    });
    if (!results.hidden) { showResults(); }
    renderPanel();
    cy.fit(undefined, 24);
    return true;
  }
  document.querySelectorAll("#lang button").forEach(function (b) {
    b.addEventListener("click", function () { setLang(b.getAttribute("data-lang")); });
  });
  document.getElementById("reset").addEventListener("click", function () { reset(); cy.fit(undefined, 24); });

  // ---- side panel --------------------------------------------------------------------
  var panel = document.getElementById("panel");
  var SYMBOLS = { rectangle: "\u25a0", diamond: "\u25c6", ellipse: "\u25cf", triangle: "\u25b2" };
  function section(title, children) { return [el("h3", { text: title })].concat(children); }
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
    kids = kids.concat(section(w("legend"), [
      list(DATA.fields.map(function (f) {
        return el("span", {}, [el("span", { "class": "swatch", style: "background:" + f.colour }), fieldName(f.id)]);
      })),
      list(DATA.kinds.map(function (k) { return el("span", {}, [(SYMBOLS[DATA.shapes[k]] || "") + " " + w(k)]); })),
      list([
        el("span", {}, [el("span", { "class": "legend-line" }), w("edge_requires")]),
        el("span", {}, [el("span", { "class": "legend-line alt" }), w("edge_alternative")]),
        el("span", {}, [el("span", { "class": "legend-line support" }), w("edge_support")]),
        el("span", { "class": "gw", text: w("gateway_mark") })
      ])
    ]));
    return kids;
  }
  function renderNode(n) {
    var lang = state.lang, kids = [];
    kids.push(el("h2", { text: n.name }));
    if (n.name_en) { kids.push(el("p", { "class": "name-en", lang: "en", text: n.name_en })); }
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
      var gws = DATA.gateways[n.id] || [];
      kids = kids.concat(section(w("gateways_nearest_first"),
        [gws.length ? list(gws.map(function (g) { var b = nodeLink(g); b.classList.add("gw"); return b; }))
                    : el("p", { "class": "muted", text: w("none") })]));
      kids = kids.concat(section(w("chain"), [el("p", { text: DATA.chains[n.id].nodes.length + " " + w("nodes_count") })]));
    } else {
      var dep = (DATA.dependents[n.id] || { missions: [] }).missions;
      kids = kids.concat(section(w("dependent_missions"),
        [dep.length ? list(dep.map(nodeLink)) : el("p", { "class": "muted", text: w("none") })]));
      var gof = DATA.gateway_of[n.id] || [];
      if (gof.length) { kids = kids.concat(section(w("gateway_of"), [list(gof.map(nodeLink))])); }
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
  function renderPanel() {
    panel.textContent = "";
    var n = state.selected ? byId[state.selected] : null;
    (n ? renderNode(n) : renderOverview()).forEach(function (c) { panel.appendChild(c); });
    panel.scrollTop = 0;
  }

  buildFilters();
  setLang(state.lang);

  window.roadmapExplorer = {
    cy: cy,
    ready: true,
    select: function (id) { return select(id, { center: false }); },
    focus: function (id) { return select(id, { center: true }); },
    reset: reset,
    selected: function () { return state.selected; },
    highlighted: function () { return ids(cy.nodes(".rg.highlighted")); },
    gateways: function () { return ids(cy.nodes(".rg.gateway")); },
    faded: function () { return ids(cy.nodes(".rg.faded")); },
    visible: function () { return ids(cy.nodes(".rg").filter(function (x) { return !x.hasClass("hidden"); })); },
    search: search,
    setLang: setLang,
    setFilter: setFilter,
    programmes: function () {
      return Array.prototype.map.call(panel.querySelectorAll("[data-programme]"), function (x) {
        return x.getAttribute("data-programme");
      });
    }
  };
})();
