import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct IncompleteTableTests {
    let page = LintHarness.validFrontMatter + """
    # Tables

    | Service | Description | Decision criteria |
    |:---|:---|:---|
    | Prometheus | Collects metrics. | |
    | Container insights | Collects logs. |
    | Grafana | Shows dashboards. |

    | Category | Enable? | Destination |
    |---|---|---|
    | kube-apiserver | Enable | Log Analytics workspace |
    | guard | | |
    | kube-audit | Enable |
    | kube-scheduler | Disable | |

    """

    @Test func reportsEmptyColumnsEmptyRowsAndShortRows() throws {
        try EmptyContainerBug.check { () throws in
            #expect(try LintHarness.findings(["a.md": page], rules: [IncompleteTable.self]) == ["a.md:10:27 DG404", "a.md:19:1 DG404", "a.md:20:1 DG404"])
            let messages = try LintHarness.diagnostics(["a.md": page], rules: [IncompleteTable.self]).map(\.message)
            #expect(messages == [
                "Column 3 'Decision criteria' is empty in every row; fill it in or remove the column.",
                "Row 'guard' has nothing past its first cell; fill in the row or remove it.",
                "Row has 2 of the table's 3 cells; add the missing cells.",
            ])
        }
    }

    @Test func countsCellsLikeLearnWithEscapedPipesAndCodeSpans() throws {
        let page = LintHarness.validFrontMatter + """
        # Pipes

        | Option | Example | Description |
        |---|---|---|
        | Pipe | `a | b` |
        | Escaped | a \\| b |
        | Full | `a|b` | Shown as a code span. |

        """
        try EmptyContainerBug.check { () throws in
            #expect(try LintHarness.findings(["a.md": page], rules: [IncompleteTable.self]) == ["a.md:12:1 DG404", "a.md:13:1 DG404"])
        }
    }

    @Test func allowsABlankValueInATwoColumnTable() throws {
        // Quiet either way: with the empty-cell parser bug there is no table left to check.
        let page = LintHarness.validFrontMatter + "# Output\n\n| Command | Output |\n|---|---|\n| set x=1 | |\n| echo %x% | 1 |\n"
        #expect(try LintHarness.findings(["a.md": page], rules: [IncompleteTable.self]).isEmpty)
    }

    @Test func readsABlankInASupportMatrixAsAnAnswer() throws {
        // A row and a column of blanks among check and cross marks: "not supported", "not validated yet".
        let page = LintHarness.validFrontMatter + """
        # Support

        | Operating system | Version | x86-64 | ARM64 | Partner check |
        |---|---|---|---|---|
        | AlmaLinux | 9 | ✅ | ❌ | |
        | Azure Local | | | | |
        | Debian | 13 | ✔️ | | |

        | Services | C# | Python | Notes |
        |---|---|---|---|
        | Chat completion | ✅ | ✅ |
        | Text to image | ✅ | ❌ |

        """
        try EmptyContainerBug.check { () throws in
            // Only the notes column nobody wrote in is left over.
            #expect(try LintHarness.findings(["a.md": page], rules: [IncompleteTable.self]) == ["a.md:16:28 DG404"])
        }
    }

    @Test func staysQuietOnCompleteTables() throws {
        let page = LintHarness.validFrontMatter + "# Roles\n\n| Role | Layers | Notes |\n|---|---|---|\n| Developer | 4 | Owns the code. |\n| Network engineer | 5 | Owns traffic. |\n"
        #expect(try LintHarness.findings(["a.md": page], rules: [IncompleteTable.self]).isEmpty)
    }

    @Test func staysQuietOnGroupLabelRowsAndOptionalLastCells() throws {
        let page = LintHarness.validFrontMatter + """
        # Requirements

        | Component | Minimum | Recommended |
        |---|---|---|
        | **Hardware requirements** | | |
        | CPU | 4 CPUs | 8 CPUs |
        | *Storage* | | |
        | Disk | 64 GB | 128 GB |
        | Network | | |

        | Container | CPU | Memory | Notes |
        |---|---|---|---|
        | fluentbit | 100m | 100Mi | Requests are in addition to the instance's. |
        | collectd | 100m | 100Mi |
        | arc-sqlmi | 100m |

        """
        #expect(try LintHarness.findings(["a.md": page], rules: [IncompleteTable.self]) == ["a.md:16:1 DG404", "a.md:22:1 DG404"])
    }
}
