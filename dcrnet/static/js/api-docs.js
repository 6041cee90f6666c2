// Starts the vendored Swagger UI on the API docs page; the OpenAPI URL comes from the page.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  if (!root || typeof window.SwaggerUIBundle !== "function") {
    return;
  }
  window.SwaggerUIBundle({
    url: root.getAttribute("data-openapi-url"),
    domNode: root,
    layout: "BaseLayout",
    deepLinking: true,
    // The default validator badge would call validator.swagger.io: no third-party requests.
    validatorUrl: null,
  });
})();
