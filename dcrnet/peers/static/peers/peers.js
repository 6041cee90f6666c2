/* "Download PNG" for the server-drawn funnel plots (svg[data-png]): the SVG as it stands on the
 * page, drawn on a white canvas at twice its size. Without JavaScript the plot and its table are
 * there all the same; only the button is missing. The button's text comes from the page
 * language's JavaScript catalogue (the same string as the other charts' button). */
(function () {
  "use strict";

  var gettext = window.gettext || function (s) { return s; };
  var SCALE = 2;

  function exportPng(svg) {
    var box = svg.viewBox.baseVal;
    var copy = svg.cloneNode(true);
    copy.setAttribute("width", box.width);
    copy.setAttribute("height", box.height);
    var source = new XMLSerializer().serializeToString(copy);
    var image = new Image();
    image.onload = function () {
      var canvas = document.createElement("canvas");
      canvas.width = box.width * SCALE;
      canvas.height = box.height * SCALE;
      var ctx = canvas.getContext("2d");
      ctx.fillStyle = "#fff";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
      canvas.toBlob(function (blob) {
        var a = document.createElement("a");
        a.href = URL.createObjectURL(blob);
        a.download = (svg.getAttribute("data-png") || "chart").replace(/[^\w-]+/g, "-") + ".png";
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
      }, "image/png");
    };
    image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(source);
  }

  function enhance(svg) {
    if (svg.dataset.pngReady) return;
    svg.dataset.pngReady = "1";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "secondary chart-download";
    button.textContent = gettext("Download PNG");
    button.addEventListener("click", function () { exportPng(svg); });
    svg.parentNode.insertBefore(button, svg.nextSibling);
  }

  function enhanceAll() {
    Array.prototype.forEach.call(document.querySelectorAll("svg[data-png]"), enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhanceAll);
  } else {
    enhanceAll();
  }
})();
