import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct UnknownRoleOrLayerTests {
    static let config = """
    roles:
      - id: developer
        title: Developer
        layers: [4]
      - id: network-engineer
        title: Network engineer
        layers: [1]
    layers:
      - number: 1
        title: Nodes
      - number: 4
        title: Applications

    """

    @Test func reportsUndeclaredRolesAndLayersAtTheirKeys() throws {
        let page = "---\ntitle: Apps\nroles: [developer, developers]\nlayers: [4, 7]\n---\n# Apps\n"
        let findings = try LintHarness.diagnostics(["docgen.yml": Self.config, "a.md": page], rules: [UnknownRoleOrLayer.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == ["a.md:3:1 DG008", "a.md:4:1 DG008"])
        #expect(findings.map(\.message) == [
            "Role 'developers' is not declared in docgen.yml; did you mean 'developer'?",
            "Layer '7' is not declared in docgen.yml; use one of: 1, 4.",
        ])
        #expect(findings.map(\.suggestion) == ["developer", nil])
    }

    @Test func reportsEachValueOfABlockList() throws {
        let page = "---\ntitle: Apps\nauthor: octocat\nroles:\n  - ops\n  - developer\n  - sre\n---\n# Apps\n"
        let findings = try LintHarness.diagnostics(["docgen.yml": Self.config, "a.md": page], rules: [UnknownRoleOrLayer.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == ["a.md:4:1 DG008", "a.md:4:1 DG008"])
        #expect(findings.map(\.message) == [
            "Role 'ops' is not declared in docgen.yml; use one of: developer, network-engineer.",
            "Role 'sre' is not declared in docgen.yml; use one of: developer, network-engineer.",
        ])
    }

    @Test func reportsZonePivotsThatAreNotRolesOnRolePivotedPages() throws {
        let page = """
        ---
        title: Apps
        zone_pivot_groups: roles
        ---
        # Apps

        :::zone pivot="developer"
        For developers.
        :::zone-end

        :::zone pivot="network-engineer,netops"
        For network engineers.
        :::zone-end

        - Item

          :::zone pivot="develper"
          Indented.
          :::zone-end

        """
        let findings = try LintHarness.diagnostics(["docgen.yml": Self.config, "a.md": page], rules: [UnknownRoleOrLayer.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == ["a.md:11:1 DG008", "a.md:17:3 DG008"])
        #expect(findings.map(\.message) == [
            "Zone pivot 'netops' is not a role declared in docgen.yml; use one of: developer, network-engineer.",
            "Zone pivot 'develper' is not a role declared in docgen.yml; did you mean 'developer'?",
        ])
    }

    @Test func reportsZonesInAnIncludeAtTheIncludeFile() throws {
        let files = [
            "docgen.yml": Self.config,
            "a.md": "---\ntitle: Apps\nzone_pivot_groups: roles\n---\n# Apps\n\n[!INCLUDE [zones](includes/zones.md)]\n",
            "includes/zones.md": "Intro.\n\n:::zone pivot=\"dba\"\nText.\n:::zone-end\n",
        ]
        #expect(try LintHarness.findings(files, rules: [UnknownRoleOrLayer.self]) == ["includes/zones.md:3:1 DG008"])
    }

    @Test func ignoresZonesOfOtherPivotGroups() throws {
        let page = "---\ntitle: Apps\nzone_pivot_groups: languages\n---\n# Apps\n\n:::zone pivot=\"csharp\"\nC#.\n:::zone-end\n"
        #expect(try LintHarness.findings(["docgen.yml": Self.config, "a.md": page], rules: [UnknownRoleOrLayer.self]).isEmpty)
    }

    @Test func staysQuietOnDeclaredValues() throws {
        let page = "---\ntitle: Apps\nroles: [developer, network-engineer]\nlayers: [1, 4]\nzone_pivot_groups: roles\n---\n# Apps\n\n:::zone pivot=\"developer,network-engineer\"\nText.\n:::zone-end\n"
        #expect(try LintHarness.findings(["docgen.yml": Self.config, "a.md": page], rules: [UnknownRoleOrLayer.self]).isEmpty)
    }

    @Test func checksNothingWhenTheSiteDeclaresNoRolesOrLayers() throws {
        let page = "---\ntitle: Apps\nroles: [anyone]\nlayers: [9]\nzone_pivot_groups: roles\n---\n# Apps\n\n:::zone pivot=\"anyone\"\nText.\n:::zone-end\n"
        #expect(try LintHarness.findings(["a.md": page], rules: [UnknownRoleOrLayer.self]).isEmpty)
        #expect(try LintHarness.findings(["docgen.yml": "site:\n  title: Docs\n", "a.md": page], rules: [UnknownRoleOrLayer.self]).isEmpty)
    }

    @Test func checksLayersEvenWhenOnlyLayersAreDeclared() throws {
        let config = "layers:\n  - number: 1\n    title: Nodes\n"
        let page = "---\ntitle: Apps\nroles: [anyone]\nlayers: [1, two]\n---\n# Apps\n"
        #expect(try LintHarness.findings(["docgen.yml": config, "a.md": page], rules: [UnknownRoleOrLayer.self]) == ["a.md:4:1 DG008"])
    }
}
