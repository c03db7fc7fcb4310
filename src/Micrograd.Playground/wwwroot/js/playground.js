// The playground's JavaScript: drawing only. Every number is computed by the library in .NET.
// - renderDot: Graphviz (viz-js, WebAssembly, served from wwwroot/lib/viz) turns the library's DOT text into SVG.
// - highlight: marks drawn nodes by their DOT names (v0, v1, … and v0_op, …) for the backward stepper.
// - drawHeatmap / drawCurves: canvas pictures for the training page.
window.micrograd = (() => {
  let vizPromise = null;
  const viz = () => (vizPromise ??= Viz.instance());

  async function renderDot(container, dot) {
    if (!container) return "no container";
    try {
      // A graph up to 2.5 times the box's width is scaled down to fit it; a wider one keeps Graphviz's own size,
      // so its records stay legible, and the box scrolls (highlight() brings the stepper's node into view).
      const svg = (await viz()).renderSVGElement(dot);
      container.replaceChildren(svg);
      const natural = svg.width.baseVal.value, room = container.clientWidth;
      if (natural > room && natural <= 2.5 * room) {
        svg.removeAttribute("height");
        svg.setAttribute("width", "100%");
      }
      return "";
    } catch (e) {
      container.textContent = "Graphviz could not draw this graph: " + e;
      return String(e);
    }
  }

  function highlight(container, current, operands) {
    if (!container) return;
    for (const g of container.querySelectorAll("g.node, g.edge")) {
      g.classList.remove("current", "operand");
    }
    const byTitle = new Map();
    for (const g of container.querySelectorAll("g.node, g.edge")) {
      const t = g.querySelector("title");
      if (t) byTitle.set(t.textContent, g);
    }
    const mark = (name, cls) => byTitle.get(name)?.classList.add(cls);
    if (current) {
      mark(current, "current");
      mark(current + "_op", "current");
      mark(current + "_op->" + current, "current");
    }
    for (const o of operands ?? []) {
      mark(o, "operand");
      if (current) mark(o + "->" + current + "_op", "operand");
    }
    // Centre the current node in the graph's scrolling box (not the page: the step panel stays where it is).
    const node = current && byTitle.get(current);
    if (node) {
      const box = container.getBoundingClientRect(), at = node.getBoundingClientRect();
      container.scrollLeft += (at.left + at.width / 2) - (box.left + box.width / 2);
      container.scrollTop += (at.top + at.height / 2) - (box.top + box.height / 2);
    }
  }

  // values: rows × cols numbers (class scores); points: [x, y, label] triples; bounds: [xmin, xmax, ymin, ymax].
  function drawHeatmap(canvas, cols, rows, values, points, bounds, classes) {
    if (!canvas) return;
    const ctx = canvas.getContext("2d");
    const w = canvas.width, h = canvas.height;
    const palette = [[31, 119, 180], [214, 39, 40], [44, 160, 44], [148, 103, 189], [255, 127, 14], [140, 86, 75]];
    const cw = w / cols, ch = h / rows;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const v = values[r * cols + c];
        const k = classes <= 2 ? (v > 0 ? 1 : 0) : v;
        const [R, G, B] = palette[k % palette.length];
        ctx.fillStyle = `rgba(${R},${G},${B},0.35)`;
        ctx.fillRect(c * cw, h - (r + 1) * ch, Math.ceil(cw), Math.ceil(ch));
      }
    }
    const [x0, x1, y0, y1] = bounds;
    for (let i = 0; i < points.length; i += 3) {
      const px = (points[i] - x0) / (x1 - x0) * w, py = h - (points[i + 1] - y0) / (y1 - y0) * h;
      const [R, G, B] = palette[points[i + 2] % palette.length];
      ctx.beginPath();
      ctx.arc(px, py, 4, 0, 2 * Math.PI);
      ctx.fillStyle = `rgb(${R},${G},${B})`;
      ctx.fill();
      ctx.strokeStyle = "#222";
      ctx.lineWidth = 0.7;
      ctx.stroke();
    }
  }

  // series: arrays of numbers drawn against their index; colors: one per series; max: the y range's top (bottom 0).
  function drawCurves(canvas, series, colors, steps, max) {
    if (!canvas) return;
    const ctx = canvas.getContext("2d");
    const w = canvas.width, h = canvas.height;
    ctx.clearRect(0, 0, w, h);
    ctx.strokeStyle = "#ccc";
    ctx.strokeRect(0.5, 0.5, w - 1, h - 1);
    series.forEach((ys, s) => {
      ctx.beginPath();
      ctx.strokeStyle = colors[s];
      ctx.lineWidth = 1.5;
      ys.forEach((y, i) => {
        const px = steps <= 1 ? 0 : i / (steps - 1) * (w - 1);
        const py = h - 1 - Math.min(Math.max(y / max, 0), 1) * (h - 2);
        i === 0 ? ctx.moveTo(px, py) : ctx.lineTo(px, py);
      });
      ctx.stroke();
    });
  }

  // Lets the browser paint between training steps (a timer, not a microtask, so the renderer runs).
  const nextFrame = () => new Promise(resolve => setTimeout(resolve, 0));

  // The lab's text box: tells .NET of the first edit after an Evaluate (data-edited="0"), once, without the text. An
  // input event per line of a paste (Chromium's) then costs an attribute read each, not a round trip with the text.
  function watchEdits(box, lab) {
    if (!box) return;
    let telling = false;
    box.addEventListener("input", () => {
      if (box.dataset.edited === "1" || telling) return;
      telling = true;
      lab.invokeMethodAsync("Edited").finally(() => { telling = false; });
    });
  }

  return { renderDot, highlight, drawHeatmap, drawCurves, nextFrame, watchEdits, now: () => performance.now() };
})();

// ---- Training page (Pages/Train.razor) ----
// yieldMessage: gives the browser a turn between training steps through a MessageChannel message, a task like
// setTimeout's but without the 4 ms clamp browsers put on nested timers.
window.micrograd.yieldMessage = (() => {
  const channel = new MessageChannel();
  const waiting = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () => new Promise(resolve => { waiting.push(resolve); channel.port2.postMessage(0); });
})();
// drawBoundary: drawHeatmap on a cleared canvas (its cells are translucent, so redrawing over the last picture would
// darken it step by step and hide the points).
window.micrograd.drawBoundary = (canvas, ...args) => {
  if (!canvas) return;
  canvas.getContext("2d").clearRect(0, 0, canvas.width, canvas.height);
  window.micrograd.drawHeatmap(canvas, ...args);
};
// afterPaint: resolves after the browser has painted a frame (requestAnimationFrame, then a task), so that a status set
// just before a long synchronous stretch (the first training step compiles its tape) is on screen; a hidden tab gets
// no frames, so it resolves after 100 ms at the latest.
window.micrograd.afterPaint = () => new Promise(resolve => {
  const done = () => setTimeout(resolve, 0);
  requestAnimationFrame(done);
  setTimeout(resolve, 100);
});
