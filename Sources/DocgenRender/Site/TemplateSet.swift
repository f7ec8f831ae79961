import Foundation
import Mustache

/// The Mustache templates of `site-templates/` (or `--templates DIR`), loaded once.
public struct TemplateSet: @unchecked Sendable {
    /// A template that failed to load, with the file and line to fix.
    public struct LoadError: Error, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var column: Int
        public var message: String
        public var description: String { "\(file):\(line):\(column): error: \(message)" }
    }

    /// The templates every site needs.
    public static let required = ["layout", "article", "home", "role", "layer", "matrix", "search", "404", "nav-item", "findings", "landing", "faq", "redirect", "breadcrumbs"]

    private let library: MustacheLibrary
    /// The folder the templates came from; its `assets/` is copied to the site.
    public let folder: URL
    /// Whether a template names the `nav` list or an entry's `children` (the default ones write
    /// `{{{navHTML}}}` and `{{{childrenHTML}}}` only): building every entry's keys for every page
    /// is skipped otherwise.
    public let usesNavigationList: Bool

    /// Loads every `.mustache` file in `folder`.
    public init(folder: URL) throws(LoadError) {
        self.folder = folder
        var library = MustacheLibrary()
        var usesNavigationList = false
        for name in Self.required {
            let file = folder.appendingPathComponent(name + ".mustache")
            guard let text = try? String(contentsOf: file, encoding: .utf8) else {
                throw LoadError(file: file.path, line: 0, column: 0, message: Self.unreadable(file, name: name))
            }
            usesNavigationList = usesNavigationList || Self.namesNavigationList(text)
            do {
                try library.register(text, named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw LoadError(file: file.path, line: error.context.lineNumber, column: error.context.columnNumber, message: "template does not parse: \(error.error)")
            } catch {
                throw LoadError(file: file.path, line: 0, column: 0, message: "template does not parse: \(error)")
            }
        }
        self.library = library
        self.usesNavigationList = usesNavigationList
    }

    /// Why the template at `file` could not be read: missing, or what opening it says (too many
    /// open files, no permission), or not UTF-8.
    static func unreadable(_ file: URL, name: String) -> String {
        let descriptor = open(file.path, O_RDONLY)
        guard descriptor < 0 else {
            close(descriptor)
            return "template '\(name).mustache' is not valid UTF-8; save it as UTF-8"
        }
        let code = errno
        if code == ENOENT { return "template '\(name).mustache' is missing; copy it from docgen's site-templates/" }
        return "template '\(name).mustache' cannot be read: \(String(cString: strerror(code)).lowercased())"
    }

    /// Whether a tag of `template` other than a comment or a partial names `nav` or `children`
    /// (`{{#nav}}`, `{{nav.0.title}}`, `{{count(children)}}`); `navHTML` and `childrenHTML` do not count.
    static func namesNavigationList(_ template: String) -> Bool {
        var rest = template[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { return false }
            let tag = rest[open.upperBound..<close.lowerBound].drop { $0 == "{" || $0 == " " }
            rest = rest[close.upperBound...]
            if tag.hasPrefix("!") || tag.hasPrefix(">") { continue }
            let words = tag.split { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
            if words.contains("nav") || words.contains("children") { return true }
        }
        return false
    }

    /// Renders the content template `kind` with `context`, then the layout around it.
    public func render(kind: String, context: [String: Any]) -> String {
        var context = context
        context["content"] = library.render(context, withTemplate: kind) ?? ""
        return library.render(context, withTemplate: "layout") ?? ""
    }

    /// Renders one named template alone.
    public func renderAlone(_ name: String, context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}
