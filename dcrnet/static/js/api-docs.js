// The API docs page: loads the vendored Swagger UI on demand and starts it with the page's
// OpenAPI URL, so the page itself stays light and no inline script is needed.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  var button = document.getElementById("open-console");
  if (!root || !button) {
    return;
  }

  function start() {
    window.SwaggerUIBundle({
      url: root.getAttribute("data-openapi-url"),
      domNode: root,
      layout: "BaseLayout",
      deepLinking: true,
      // The default validator badge would call validator.swagger.io: no third-party requests.
      validatorUrl: null,
    });
  }

  function open() {
    button.disabled = true;
    var stylesheet = document.createElement("link");
    stylesheet.rel = "stylesheet";
    stylesheet.href = root.getAttribute("data-console-stylesheet");
    document.head.appendChild(stylesheet);
    var script = document.createElement("script");
    script.src = root.getAttribute("data-console-script");
    script.addEventListener("load", function () {
      button.hidden = true;
      start();
      root.setAttribute("tabindex", "-1");
      root.focus();
    });
    document.head.appendChild(script);
  }

  button.hidden = false;
  button.addEventListener("click", open);
  if (window.location.hash.indexOf("#/") === 0) {
    open(); // a deep link into the console
  }
})();
