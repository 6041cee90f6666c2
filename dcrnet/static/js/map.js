/* The facility map: Leaflet over an offline Natural Earth basemap, one link per facility.
 *
 * Reads everything from #map's data attributes (no inline script, strict CSP). Each marker is a
 * real <a href> inside a Leaflet divIcon, so it is reached with Tab, named for screen readers
 * ("Name, City — Status") and opened with Enter or a click. The page also lists the same
 * facilities as plain links, rendered by the server, for readers without JavaScript.
 */
(function () {
  "use strict";

  var el = document.getElementById("map");
  if (!el || !window.L) return;
  var status = document.getElementById("map-status");

  var RADIUS = 12; // half of the 24 px minimum target size (WCAG 2.5.8)
  // Texts come from the page language's catalogue (the static djangojs.js before this script).
  var gettext = window.gettext || function (s) { return s; };
  var ngettext = window.ngettext || function (s, p, n) { return n === 1 ? s : p; };
  var interpolate = window.interpolate || function (fmt, obj) {
    return fmt.replace(/%\((\w+)\)s/g, function (_, k) { return obj[k]; });
  };
  var GROUP = window.get_format ? window.get_format("THOUSAND_SEPARATOR") : ",";
  function formatNumber(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, GROUP); }

  function fail() {
    el.hidden = true;
    Array.prototype.forEach.call(document.querySelectorAll("[data-map-only]"), function (node) {
      node.hidden = true;
    });
    if (status) status.textContent = gettext("The map could not be loaded. The list below shows the same facilities.");
  }

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(url + ": HTTP " + response.status);
        return response.json();
      });
  }

  // The map, its legend and the link past it are only shown when the script runs.
  el.hidden = false;
  Array.prototype.forEach.call(document.querySelectorAll("[data-map-only]"), function (node) {
    node.hidden = false;
  });
  var tileUrl = el.dataset.tileUrl || "";
  var map = L.map(el, {
    minZoom: 0,
    maxZoom: tileUrl ? 18 : 8,
    zoomSnap: 0.5,
    worldCopyJump: false,
    maxBounds: [[-85, -200], [85, 200]],
    maxBoundsViscosity: 0.8,
    zoomControl: false
  });
  L.control.zoom({
    zoomInTitle: gettext("Zoom in"),
    zoomOutTitle: gettext("Zoom out")
  }).addTo(map);
  map.setView([35, 10], 2);
  map.attributionControl.setPrefix(
    '<a href="https://leafletjs.com" rel="noopener noreferrer">Leaflet</a>'
  );

  // The shapes lie below any tile layer, so the map stays readable when tiles fail to load.
  map.createPane("basemap").style.zIndex = 150;
  if (tileUrl) {
    L.tileLayer(tileUrl, { attribution: el.dataset.tileAttribution || "" }).addTo(map);
  }

  /* world-atlas stitches shapes across the antimeridian (Russia, Fiji) for spherical renderers;
   * on Leaflet's flat map a ring jumping from 180° to -180° becomes a band across the world.
   * Unwrapping each ring's longitudes keeps it continuous, reaching a little past ±180°. */
  function unwrap(ring) {
    var shift = 0;
    var sum = 0;
    var out = ring.map(function (point, i) {
      if (i) {
        var step = point[0] - ring[i - 1][0];
        if (step > 180) shift -= 360;
        else if (step < -180) shift += 360;
      }
      sum += point[0] + shift;
      return [point[0] + shift, point[1]];
    });
    var centre = sum / out.length;
    var back = centre > 180 ? -360 : centre < -180 ? 360 : 0;
    return back ? out.map(function (p) { return [p[0] + back, p[1]]; }) : out;
  }

  function drawBasemap(world) {
    var land = topojson.feature(world, world.objects.countries);
    // Antarctica's ring runs round the pole and floods a flat projection; nobody runs a DCR there.
    land.features = land.features.filter(function (f) { return f.id !== "010"; });
    land.features.forEach(function (f) {
      var g = f.geometry;
      if (!g) return;
      if (g.type === "Polygon") g.coordinates = g.coordinates.map(unwrap);
      else if (g.type === "MultiPolygon") {
        g.coordinates = g.coordinates.map(function (polygon) { return polygon.map(unwrap); });
      }
    });
    L.geoJSON(land, {
      pane: "basemap",
      interactive: false,
      attribution: gettext("Country shapes: Natural Earth"),
      style: { color: "#8c96a3", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 }
    }).addTo(map);
  }

  /* Markers never overlap, so each keeps its own 24 px target (WCAG 2.5.8) and stays clickable.
   * Facilities that share a point (city-level locations often do) sit side by side in a small
   * grid. Where groups would overlap at the current zoom, they merge into one cluster button
   * that zooms in; at the deepest zoom they merge into one grid instead. Recomputed on zoom. */
  var CELL = 2 * RADIUS + 2;
  var facilities = [];
  var places = []; // {latlng, members} per distinct point
  var layer = L.layerGroup().addTo(map);
  var focusAfterRender = null;

  function grid(count) {
    var cols = Math.ceil(Math.sqrt(count));
    return { cols: cols, rows: Math.ceil(count / cols) };
  }

  function measure(item) {
    var size = item.cluster ? { cols: 1, rows: 1 } : grid(item.members.length);
    item.w = size.cols * CELL;
    item.h = size.rows * CELL;
    return item;
  }

  function overlap(a, b) {
    return Math.abs(a.pt.x - b.pt.x) < (a.w + b.w) / 2 && Math.abs(a.pt.y - b.pt.y) < (a.h + b.h) / 2;
  }

  function layout(zoom) {
    var deepest = zoom >= map.getMaxZoom();
    var items = places.map(function (place) {
      return measure({ pt: map.project(place.latlng, zoom), members: place.members, cluster: false });
    });
    for (var merged = true; merged;) {
      merged = false;
      for (var i = 0; i < items.length && !merged; i++) {
        for (var j = i + 1; j < items.length && !merged; j++) {
          if (!overlap(items[i], items[j])) continue;
          var a = items[i], b = items[j];
          var na = a.members.length, nb = b.members.length;
          items[i] = measure({
            pt: a.pt.multiplyBy(na).add(b.pt.multiplyBy(nb)).divideBy(na + nb),
            members: a.members.concat(b.members).sort(byOrder),
            cluster: !deepest
          });
          items.splice(j, 1);
          merged = true;
        }
      }
    }
    return items.sort(function (a, b) { return byOrder(a.members[0], b.members[0]); });
  }

  function byOrder(a, b) {
    return a.order - b.order;
  }

  function iconFor(content, offset) {
    return L.divIcon({
      html: content,
      className: "map-icon",
      iconSize: [2 * RADIUS, 2 * RADIUS],
      iconAnchor: [RADIUS - offset[0], RADIUS - offset[1]]
    });
  }

  function withTooltip(marker, target, text, offset) {
    var tip = document.createElement("span");
    tip.textContent = text;
    marker.bindTooltip(tip, { direction: "top", offset: [offset[0], offset[1] - RADIUS] });
    target.addEventListener("focus", function () {
      map.panInside(marker.getLatLng(), { padding: [50, 50] });
      marker.setZIndexOffset(1000);
      marker.openTooltip();
    });
    target.addEventListener("blur", function () {
      marker.setZIndexOffset(0);
      marker.closeTooltip();
    });
    return marker;
  }

  function facilityMarker(latlng, facility, offset) {
    var name = facility.name + ", " + facility.city + " — " + facility.status_label;
    var link = document.createElement("a");
    link.href = facility.url;
    link.className = "map-marker";
    link.dataset.facility = facility.id;
    link.setAttribute("aria-label", name);
    var dot = document.createElement("span");
    dot.className = "map-dot map-dot-" + facility.status;
    dot.setAttribute("aria-hidden", "true");
    link.appendChild(dot);
    // keyboard: false because the link inside is the focus target, not Leaflet's wrapper.
    var marker = L.marker(latlng, { keyboard: false, riseOnHover: true, icon: iconFor(link, offset) });
    return withTooltip(marker, link, name, offset);
  }

  function clusterMarker(latlng, members) {
    var names = members.slice(0, 5).map(function (f) { return f.name; }).join(", ");
    if (members.length > 5) names += " …";
    var label = interpolate(
      ngettext(
        "%(count)s facility: %(names)s — show them separately",
        "%(count)s facilities: %(names)s — show them separately",
        members.length
      ),
      { count: formatNumber(members.length), names: names },
      true
    );
    var button = document.createElement("button");
    button.type = "button";
    button.className = "map-cluster";
    button.dataset.facilities = members.map(function (f) { return f.id; }).join(" ");
    button.setAttribute("aria-label", label);
    button.textContent = formatNumber(members.length);
    var marker = L.marker(latlng, { keyboard: false, riseOnHover: true, icon: iconFor(button, [0, 0]) });
    button.addEventListener("click", function () {
      var bounds = L.latLngBounds(members.map(function (f) { return [f.lat, f.lon]; }));
      var zoom = map.getBoundsZoom(bounds, false, L.point(100, 100));
      zoom = Math.min(Math.max(zoom, map.getZoom() + 1), map.getMaxZoom());
      focusAfterRender = members[0].id;
      // Without animation the markers are redrawn at once and the focus lands on the first
      // member before the next key press.
      map.setView(bounds.getCenter(), zoom, { animate: false });
    });
    return withTooltip(marker, button, label, [0, 0]);
  }

  function render() {
    var active = document.activeElement;
    var keep = focusAfterRender ||
      (active && el.contains(active) && (active.dataset.facility ||
        (active.dataset.facilities || "").split(" ")[0])) || null;
    focusAfterRender = null;
    var zoom = map.getZoom();
    layer.clearLayers();
    layout(zoom).forEach(function (item) {
      var latlng = map.unproject(item.pt, zoom);
      if (item.cluster) {
        clusterMarker(latlng, item.members).addTo(layer);
        return;
      }
      var size = grid(item.members.length);
      item.members.forEach(function (f, k) {
        var row = Math.floor(k / size.cols);
        var inRow = Math.min(size.cols, item.members.length - row * size.cols);
        var offset = [
          Math.round((k % size.cols - (inRow - 1) / 2) * CELL),
          Math.round((row - (size.rows - 1) / 2) * CELL)
        ];
        facilityMarker(latlng, f, offset).addTo(layer);
      });
    });
    if (keep) {
      var target = el.querySelector('[data-facility="' + keep + '"]') ||
        Array.prototype.find.call(el.querySelectorAll("[data-facilities]"), function (b) {
          return b.dataset.facilities.split(" ").indexOf(keep) >= 0;
        });
      if (target) target.focus({ preventScroll: true });
    }
  }

  function drawFacilities(data) {
    facilities = data.facilities || [];
    var byPoint = {};
    facilities.forEach(function (f, i) {
      f.order = i; // tab order follows the server's order, like the list below the map
      var key = f.lat.toFixed(4) + "," + f.lon.toFixed(4);
      if (!byPoint[key]) {
        byPoint[key] = { latlng: L.latLng(f.lat, f.lon), members: [] };
        places.push(byPoint[key]);
      }
      byPoint[key].members.push(f);
    });
    map.on("zoomend", render);
    if (facilities.length) {
      var bounds = L.latLngBounds(facilities.map(function (f) { return [f.lat, f.lon]; }));
      map.fitBounds(bounds, { padding: [50, 50], maxZoom: 6, animate: false });
    }
    render();
  }

  // Markers first: the basemap may still be loading but is drawn underneath in its own pane.
  getJSON(el.dataset.facilitiesUrl).then(drawFacilities).catch(fail);
  if (el.dataset.worldUrl) {
    getJSON(el.dataset.worldUrl).then(drawBasemap).catch(function (error) {
      // The markers still work without the shapes; say so in the console only.
      if (window.console) console.warn("basemap:", error);
    });
  }
})();
