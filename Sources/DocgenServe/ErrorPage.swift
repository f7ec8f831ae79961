import DocgenRender

/// Self-contained pages `serve` shows when it cannot use the site's templates: the site cannot
/// be built (a template or `docgen.yml` does not parse), or there is no 404 page. They carry
/// their own live-reload client, so the browser recovers by itself on the next save.
enum ErrorPage {
    /// The client the site's layout also includes: reload on the `reload` event.
    static let liveReloadScript = """
    <script>
    (function () {
      var events = new EventSource("/__docgen/events");
      events.addEventListener("reload", function () { location.reload(); });
    })();
    </script>
    """

    /// The page for a site that cannot be built; `problems` are `file:line:col: message` lines.
    static func failure(title: String, problems: [String]) -> String {
        let items = problems.map { "<li><pre>\(HTMLEscaping.escape($0))</pre></li>" }.joined(separator: "\n")
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>docgen: \(HTMLEscaping.escape(title))</title>
        <style>
        body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1b1b1b; }
        h1 { color: #a4262c; font-size: 1.5rem; }
        ul { padding: 0; list-style: none; }
        pre { background: #fdf3f4; border-left: 4px solid #a4262c; padding: .75rem 1rem; white-space: pre-wrap; overflow-wrap: anywhere; }
        </style>
        </head>
        <body>
        <h1>\(HTMLEscaping.escape(title))</h1>
        <p>Fix the file below and save it; this page reloads by itself.</p>
        <ul class="docgen-errors">
        \(items)
        </ul>
        \(liveReloadScript)
        </body>
        </html>

        """
    }

    /// A plain 404 page, for when the site has none.
    static func notFound() -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Page not found</title></head>
        <body><h1>Page not found</h1><p><a href="/">Go to the home page</a></p>
        \(liveReloadScript)
        </body>
        </html>

        """
    }
}
