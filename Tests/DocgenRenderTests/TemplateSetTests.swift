@testable import DocgenRender
import Foundation
import Testing

@Suite struct TemplateSetTests {
    /// Tags that name the navigation list or an entry's children make docgen build every entry's
    /// keys; comments, partials and the pre-rendered HTML keys do not.
    @Test(arguments: [
        ("{{#nav}}<li>{{title}}</li>{{/nav}}", true), ("{{nav.0.title}}", true), ("{{count(children)}}", true),
        ("{{ #children }}x{{/children}}", true), ("<ul>{{{navHTML}}}</ul>", false), ("{{{childrenHTML}}}", false),
        ("{{! the nav and its children }}", false), ("{{> nav-item}}", false), ("<nav>{{title}}</nav>", false),
    ])
    func tellsWhetherATemplateNamesTheNavigationList(template: String, names: Bool) {
        #expect(TemplateSet.namesNavigationList(template) == names)
    }

    /// The bundled templates write the navigation as HTML only.
    @Test func bundledTemplatesUseTheNavigationHTMLOnly() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../site-templates").standardizedFileURL
        #expect(try TemplateSet(folder: folder).usesNavigationList == false)
    }
}
