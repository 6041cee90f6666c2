/* Charts as progressive enhancement, drawn by the vendored uPlot.
 *
 * Contract (templates across the site rely on it):
 *   <div data-chart="line|bar" data-table="TABLE_ID" data-series-label="..." hidden></div>
 * reads the HTML table TABLE_ID: the first column holds the x labels ("2005", "2024-03", ...),
 * every further column is one series named by its header; cells that are not numbers ("<5", "—")
 * are gaps. Instead of data-table the element may carry data-src="URL" returning
 *   {"labels": [...], "series": [{"label": "...", "values": [...]}], "synthetic": bool}.
 * The script draws the chart, removes `hidden`, names it after the figure's caption and adds a
 * "Download PNG" button. The table stays on the page: it is the accessible version of the chart.
 * data-series-label names the y axis. Texts come from the page language's JavaScript catalogue
 * (the static djangojs.js included before this script), and so do the number separators: the
 * axes write numbers as the page's tables do, and table cells are read the same way ("1.600" is
 * 1600 in German).
 */
(function () {
  "use strict";

  var gettext = window.gettext || function (s) { return s; };
  var strings = {
    download: gettext("Download PNG"),
    synthetic: gettext("Synthetic data, for demonstration only")
  };
  // Numbers as the page writes them: Django's separators for the page's language, from the same
  // catalogue, so the axis and the table agree (1,600 / 1 600 / 1.600).
  var getFormat = window.get_format || function (name) {
    return { THOUSAND_SEPARATOR: ",", DECIMAL_SEPARATOR: "." }[name];
  };
  var GROUP = getFormat("THOUSAND_SEPARATOR");
  var DECIMAL = getFormat("DECIMAL_SEPARATOR");
  function formatNumber(value) {
    var bits = Math.abs(Math.round(value * 100) / 100).toString().split(".");
    var whole = bits[0].replace(/\B(?=(\d{3})+(?!\d))/g, GROUP);
    return (value < 0 ? "-" : "") + whole + (bits[1] ? DECIMAL + bits[1] : "");
  }
  var COLOURS = ["#0b5cab", "#c2410c", "#1a7f37", "#6f42c1", "#8a5a00", "#57606a", "#b42318"];
  var HEIGHT = 280;
  var INTEGER_STEPS = [];
  for (var e = 1; e <= 1e9; e *= 10) INTEGER_STEPS.push(e, 2 * e, 5 * e);

  function clean(text) {
    return (text || "").replace(/\s+/g, " ").trim();
  }

  /* A number written in the page's locale ("1,234.5" en, "1 234,5" fr, "1.234,5" de/nl/es) or
   * plainly ("1234.5") → number; anything else ("<5", "—", "") → null. */
  function toNumber(text) {
    var s = (text || "").replace(/[\s\u00a0\u202f]/g, "");
    if (/^-?\d+(\.\d+)?$/.test(s) && !(GROUP === "." && /^-?\d{1,3}(\.\d{3})+$/.test(s))) {
      return parseFloat(s);
    }
    var group = GROUP.replace(/[\s\u00a0\u202f]/g, "");
    if (group) s = s.split(group).join("");
    s = s.replace(DECIMAL, ".");
    if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
    return parseFloat(s);
  }

  function fromTable(table) {
    var headRow = table.tHead && table.tHead.rows[0];
    var headers = headRow ? Array.prototype.map.call(headRow.cells, function (c) {
      return clean(c.textContent);
    }) : [];
    var labels = [];
    var series = [];
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        var cells = row.cells;
        if (!cells.length) return;
        labels.push(clean(cells[0].textContent));
        for (var i = 1; i < cells.length; i++) {
          if (!series[i - 1]) series[i - 1] = { label: headers[i] || "", values: [] };
          series[i - 1].values[labels.length - 1] = toNumber(cells[i].textContent);
        }
      });
    });
    series.forEach(function (s) {
      for (var i = 0; i < labels.length; i++) if (s.values[i] === undefined) s.values[i] = null;
    });
    return { labels: labels, series: series, synthetic: false };
  }

  function accessibleName(el) {
    var figure = el.closest("figure");
    var caption = figure && figure.querySelector("figcaption");
    return clean(caption ? caption.textContent : "") || el.dataset.seriesLabel || "";
  }

  function options(el, data, width) {
    var kind = el.dataset.chart === "bar" ? "bar" : "line";
    var labels = data.labels;
    var n = data.series.length;
    var longest = labels.reduce(function (m, l) { return Math.max(m, String(l).length); }, 1);
    var series = [{ label: "" }];
    data.series.forEach(function (s, k) {
      var colour = COLOURS[k % COLOURS.length];
      var spec = { label: s.label, stroke: colour, width: 2, spanGaps: false };
      if (kind === "bar") {
        var w = 0.8 / n;
        spec.fill = colour;
        spec.width = 0;
        spec.points = { show: false };
        spec.paths = uPlot.paths.bars({
          disp: {
            x0: { unit: 1, values: function (u) {
              return u.data[0].map(function (x) { return x - 0.4 + k * w; });
            } },
            size: { unit: 1, values: function () { return [w]; } }
          }
        });
      }
      series.push(spec);
    });
    var last = Math.max(labels.length - 1, 0);
    var counts = data.series.every(function (s) {
      return s.values.every(function (v) { return v == null || Number.isInteger(v); });
    });
    var yAxis = {
      stroke: "#4a5360",
      grid: { stroke: "#e3e7ec", width: 1 },
      label: el.dataset.seriesLabel || "",
      size: 56,
      values: function (u, splits) { return splits.map(formatNumber); }
    };
    // Counts get whole-number ticks only: "2.5 facilities" is not a thing.
    if (counts) yAxis.incrs = INTEGER_STEPS;
    return {
      width: width,
      height: HEIGHT,
      series: series,
      legend: { show: n > 1, live: false },
      cursor: { show: false },
      scales: {
        x: {
          time: false,
          range: kind === "bar" ? [-0.5, last + 0.5] : [last ? 0 : -0.5, last ? last : 0.5]
        },
        y: {
          range: function (u, min, max) {
            var low = Math.min(0, min == null ? 0 : min);
            var high = max == null || max <= low ? low + 1 : max;
            return uPlot.rangeNum(low, high, 0.1, true);
          }
        }
      },
      axes: [
        {
          stroke: "#4a5360",
          grid: { show: false },
          space: longest * 8 + 16,
          incrs: [1, 2, 3, 4, 5, 6, 10, 12, 20, 24, 25, 50, 100],
          values: function (u, splits) {
            return splits.map(function (i) { return Number.isInteger(i) ? labels[i] || "" : ""; });
          }
        },
        yAxis
      ]
    };
  }

  function downloadName(el) {
    return (el.id || el.dataset.table || "chart").replace(/[^\w-]+/g, "-") + ".png";
  }

  /* The PNG holds the caption above the plot and the series names below it. */
  function exportPng(el, plot, data) {
    var source = plot.ctx.canvas;
    var ratio = source.width / plot.width || 1;
    var pad = Math.round(12 * ratio);
    var line = Math.round(18 * ratio);
    var title = accessibleName(el);
    var out = document.createElement("canvas");
    out.width = source.width + 2 * pad;
    out.height = source.height + 2 * pad + 2 * line + (data.series.length > 1 ? line : 0);
    var ctx = out.getContext("2d");
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.fillStyle = "#1b1f24";
    ctx.font = Math.round(13 * ratio) + "px system-ui, sans-serif";
    ctx.textBaseline = "top";
    ctx.fillText(title, pad, pad, out.width - 2 * pad);
    ctx.drawImage(source, pad, pad + 2 * line);
    if (data.series.length > 1) {
      var x = pad;
      var y = pad + 2 * line + source.height + line / 2;
      data.series.forEach(function (s, k) {
        ctx.fillStyle = COLOURS[k % COLOURS.length];
        ctx.fillRect(x, y, line * 0.7, line * 0.7);
        ctx.fillStyle = "#1b1f24";
        ctx.fillText(s.label, x + line, y);
        x += line * 1.5 + ctx.measureText(s.label).width;
      });
    }
    out.toBlob(function (blob) {
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = downloadName(el);
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
    }, "image/png");
  }

  function draw(el, data) {
    if (!data.labels.length || !data.series.length) return;
    var xs = data.labels.map(function (_, i) { return i; });
    var columns = [xs].concat(data.series.map(function (s) {
      return s.values.map(function (v) { return typeof v === "number" && isFinite(v) ? v : null; });
    }));
    if (data.synthetic) {
      var warning = document.createElement("p");
      warning.className = "synthetic";
      warning.textContent = strings.synthetic;
      el.parentNode.insertBefore(warning, el);
    }
    el.hidden = false;
    el.setAttribute("role", "img");
    el.setAttribute("aria-label", accessibleName(el));
    var box = document.createElement("div");
    box.className = "chart-plot";
    el.appendChild(box);
    var plot = new uPlot(options(el, data, Math.max(box.clientWidth, 200)), columns, box);

    var button = document.createElement("button");
    button.type = "button";
    button.className = "secondary chart-download";
    button.textContent = strings.download;
    button.addEventListener("click", function () { exportPng(el, plot, data); });
    // Outside the role=img element, so the button stays a button for assistive technology.
    el.parentNode.insertBefore(button, el.nextSibling);

    if (window.ResizeObserver) {
      var width = box.clientWidth;
      new ResizeObserver(function () {
        if (box.clientWidth && box.clientWidth !== width) {
          width = box.clientWidth;
          plot.setSize({ width: width, height: HEIGHT });
        }
      }).observe(box);
    }
  }

  function enhance(el) {
    if (el.dataset.chartReady) return;
    el.dataset.chartReady = "1";
    if (el.dataset.src) {
      fetch(el.dataset.src, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) throw new Error(el.dataset.src + ": HTTP " + response.status);
          return response.json();
        })
        .then(function (json) {
          draw(el, {
            labels: (json.labels || []).map(String),
            series: (json.series || []).map(function (s) {
              return { label: String(s.label || ""), values: s.values || [] };
            }),
            synthetic: !!json.synthetic
          });
        })
        .catch(function (error) {
          if (window.console) console.warn("chart:", error);
        });
      return;
    }
    var table = document.getElementById(el.dataset.table || "");
    if (table) draw(el, fromTable(table));
  }

  function enhanceAll(root) {
    if (!window.uPlot || !root.querySelectorAll) return;
    if (root.matches && root.matches("[data-chart]")) enhance(root);
    Array.prototype.forEach.call(root.querySelectorAll("[data-chart]"), enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { enhanceAll(document); });
  } else {
    enhanceAll(document);
  }
  // Content swapped in by htmx gets its charts too.
  document.addEventListener("htmx:load", function (event) { enhanceAll(event.target); });
})();
