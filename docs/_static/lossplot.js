/* The {lossplot} widgets of a page (docs/_ext/lossplot.py writes them).
 *
 * Each <figure class="lossplot"> holds its numbers in a JSON <script>: lossdocs
 * computed every curve at build time on a grid of parameter values, so this file
 * only picks the curve of the sliders' current grid point and draws it. It knows
 * no loss formula. No library, no request: it works offline and under file://.
 *
 * The curves are <polyline>s whose points are in data units (an inner <svg> maps
 * them to pixels), so the numbers on the page and in the drawing are the same
 * numbers (tests/browser/test_lossplot.py reads them back).
 */
"use strict";

(() => {
  const SVG = "http://www.w3.org/2000/svg";
  const MARGIN = { left: 50, right: 12, top: 10, bottom: 42 };

  function make(name, attrs, parent) {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
    if (parent) parent.appendChild(node);
    return node;
  }

  // About `count` round tick values (1, 2 or 5 times a power of ten) in [lo, hi].
  function ticks(lo, hi, count) {
    const raw = (hi - lo) / count;
    const power = 10 ** Math.floor(Math.log10(raw));
    const step = power * ([1, 2, 5, 10].find((m) => m * power >= raw) || 10);
    const out = [];
    for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
      out.push(Number(t.toFixed(10)));
    }
    return out;
  }

  // A tick label: a true minus sign, as in the gallery's figures.
  function tick(t) {
    return String(t).replace("-", "\u2212");
  }

  // A value for the reader: 4 significant digits, no float noise.
  function show(value) {
    return String(Number(value.toPrecision(4)));
  }

  function setup(figure) {
    const data = JSON.parse(figure.querySelector("script.lossplot-data").textContent);
    const svg = figure.querySelector("svg.lossplot-plot");
    const readout = figure.querySelector(".lossplot-readout");
    const inputs = [...figure.querySelectorAll('input[type="range"]')];
    const x = data.x;
    const [xMin, xMax] = [x[0], x[x.length - 1]];
    const [yMin, yMax] = data.y;
    // The point read out starts 70 % of the way along (the middle is often 0, where
    // every curve is 0), so the readout shows at once what it is for.
    const state = { index: data.params.map((p) => p.start), point: Math.round((x.length - 1) * 0.7) };
    let box = null; // the plot area in pixels, set by layout()
    let lines = [];
    let marks = null;

    // The values of a curve at the sliders' grid point (its data is row-major
    // over the parameters it depends on, the first slowest).
    function values(curve) {
      let k = 0;
      for (const p of curve.params) k = k * data.params[p].values.length + state.index[p];
      return curve.data[k];
    }

    const px = (v) => box.left + ((v - xMin) / (xMax - xMin)) * box.width;
    const py = (v) => box.top + ((yMax - v) / (yMax - yMin)) * box.height;

    function plotWidth() {
      return Math.round(svg.getBoundingClientRect().width);
    }

    function layout() {
      const width = Math.max(plotWidth(), 240);
      const height = Math.round(Math.min(360, Math.max(230, width * 0.6)));
      svg.replaceChildren();
      svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
      svg.style.height = `${height}px`;
      box = {
        left: MARGIN.left,
        top: MARGIN.top,
        width: width - MARGIN.left - MARGIN.right,
        height: height - MARGIN.top - MARGIN.bottom,
      };
      const axes = make("g", { class: "lossplot-axes", "aria-hidden": "true" }, svg);
      const bottom = box.top + box.height;
      for (const t of ticks(xMin, xMax, Math.max(3, Math.round(box.width / 60)))) {
        make("line", { class: "lossplot-grid", x1: px(t), x2: px(t), y1: box.top, y2: bottom }, axes);
        make("text", { x: px(t), y: bottom + 16, "text-anchor": "middle" }, axes).textContent = tick(t);
      }
      for (const t of ticks(yMin, yMax, Math.max(3, Math.round(box.height / 45)))) {
        make("line", { class: "lossplot-grid", x1: box.left, x2: box.left + box.width, y1: py(t), y2: py(t) }, axes);
        make("text", { x: box.left - 6, y: py(t) + 4, "text-anchor": "end" }, axes).textContent = tick(t);
      }
      make("rect", { class: "lossplot-frame", x: box.left, y: box.top, width: box.width, height: box.height }, axes);
      make("text", { class: "lossplot-axis-label", x: box.left + box.width / 2, y: bottom + 36, "text-anchor": "middle" }, axes).textContent = data.xlabel;
      make("text", { class: "lossplot-axis-label", transform: `translate(13 ${box.top + box.height / 2}) rotate(-90)`, "text-anchor": "middle" }, axes).textContent = data.ylabel;
      // Data units inside: x to the right, y up (the group flips it); clipped to the box.
      const area = make("svg", {
        class: "lossplot-area", x: box.left, y: box.top, width: box.width, height: box.height,
        viewBox: `${xMin} ${-yMax} ${xMax - xMin} ${yMax - yMin}`, preserveAspectRatio: "none",
      }, svg);
      const flip = make("g", { transform: "scale(1 -1)" }, area);
      lines = data.curves.map((curve, i) => make("polyline", {
        class: `lossplot-line lossplot-c${i}`, "data-label": curve.label,
      }, flip));
      marks = make("g", { class: "lossplot-marks", "aria-hidden": "true" }, svg);
      draw();
    }

    function draw() {
      data.curves.forEach((curve, i) => {
        const y = values(curve);
        lines[i].setAttribute("points", x.map((v, j) => `${v},${y[j]}`).join(" "));
      });
      mark();
    }

    function mark() {
      marks.replaceChildren();
      readout.replaceChildren();
      const j = state.point;
      make("line", { class: "lossplot-guide", x1: px(x[j]), x2: px(x[j]), y1: box.top, y2: box.top + box.height }, marks);
      const item = (text, cls) => {
        const span = document.createElement("span");
        span.textContent = text;
        if (cls) span.className = cls;
        readout.appendChild(span);
      };
      item(`${data.xlabel} = ${show(x[j])}`);
      data.curves.forEach((curve, i) => {
        const y = values(curve)[j];
        if (y >= yMin && y <= yMax) {
          make("circle", { class: `lossplot-dot lossplot-c${i}`, cx: px(x[j]), cy: py(y), r: 4 }, marks);
        }
        item(`${curve.label} = ${show(y)}`, `lossplot-c${i}`);
      });
    }

    function pointAt(event) {
      const rect = svg.getBoundingClientRect();
      const scale = svg.viewBox.baseVal.width / rect.width;
      const v = xMin + (((event.clientX - rect.left) * scale - box.left) / box.width) * (xMax - xMin);
      let best = 0;
      x.forEach((xj, j) => {
        if (Math.abs(xj - v) < Math.abs(x[best] - v)) best = j;
      });
      state.point = best;
      mark();
    }

    inputs.forEach((input) => {
      const output = figure.querySelector(`output[for="${input.id}"]`);
      input.addEventListener("input", () => {
        const p = Number(input.dataset.param);
        state.index[p] = Number(input.value);
        const value = String(data.params[p].values[state.index[p]]);
        output.textContent = value;
        input.setAttribute("aria-valuetext", value);
        draw();
      });
    });
    svg.addEventListener("pointermove", pointAt);
    svg.addEventListener("pointerdown", pointAt);
    svg.addEventListener("keydown", (event) => {
      const step = { ArrowLeft: -1, ArrowRight: 1, PageDown: -10, PageUp: 10 }[event.key];
      const last = x.length - 1;
      let j = state.point;
      if (step !== undefined) j += step;
      else if (event.key === "Home") j = 0;
      else if (event.key === "End") j = last;
      else return;
      event.preventDefault();
      state.point = Math.min(last, Math.max(0, j));
      mark();
    });

    figure.hidden = false;
    layout();
    // Redrawn when the width changes (a phone turned, a window resized); in the next
    // frame, since the redraw changes the height that the observer watches too.
    let width = plotWidth();
    new ResizeObserver(() => {
      requestAnimationFrame(() => {
        if (plotWidth() !== width) {
          width = plotWidth();
          layout();
        }
      });
    }).observe(svg);
  }

  function start() {
    document.querySelectorAll("figure.lossplot").forEach(setup);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
