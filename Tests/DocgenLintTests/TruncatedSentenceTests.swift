import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct TruncatedSentenceTests {
    let paragraphs = LintHarness.validFrontMatter + """
    # Prometheus

    If you already have a Prometheus environment that you want

    Use the Metrics explorer to see the

    Container insights collects logs. If they prefer to focus on Grafana, they may choose

    Prometheus metrics are the standard for monitoring Kubernetes clusters.
    Container insights collects logs and

    """

    @Test func reportsParagraphsAtTheWordWhereTheyStop() throws {
        #expect(try LintHarness.findings(["a.md": paragraphs], rules: [TruncatedSentence.self])
            == ["a.md:10:55 DG401", "a.md:12:33 DG401", "a.md:14:80 DG401", "a.md:17:34 DG401"])
        let messages = try LintHarness.diagnostics(["a.md": paragraphs], rules: [TruncatedSentence.self]).map(\.message)
        #expect(messages[0] == "Paragraph ends without punctuation at '…environment that you want'; if the sentence is cut off, finish it, otherwise end it with a period.")
        #expect(messages[1] == "Paragraph stops mid-sentence at '…explorer to see the': a sentence does not end with 'the'; finish it or remove it.")
    }

    @Test func reportsCellsOfProseColumnsAndMultiSentenceCells() throws {
        let page = LintHarness.validFrontMatter + """
        # Logs

        | Source | Description |
        |---|---|
        | Activity logs | The activity log is collected automatically at no cost. It records configuration changes. |
        | Cluster inventory | Container insights collects |
        | Control plane logs | These are resource logs. Create a diagnostic setting to send them to a workspace. |
        | Application logs | Application Insights |

        | Value | Description |
        |---|---|
        | `json` | JSON string. This setting is the default |
        | `table` | ASCII table with keys as column headings |
        | `tsv` | Tab-separated values, with no keys |

        """
        #expect(try LintHarness.findings(["a.md": page], rules: [TruncatedSentence.self]) == ["a.md:13:42 DG401", "a.md:19:45 DG401"])
        #expect(try LintHarness.diagnostics(["a.md": page], rules: [TruncatedSentence.self]).first?.message
            == "Table cell ends without punctuation at '…Container insights collects'; if the sentence is cut off, finish it, otherwise end it with a period.")
    }

    @Test func reportsLeadInsAndLongListItemsOnlyWhenTheyEndWithAFunctionWord() throws {
        let page = LintHarness.validFrontMatter + """
        # Leads

        The following table describes the

        | Role | Layers |
        |---|---|
        | Developer | 4 |

        - Use the Nodes view to see the health of each node and the health of the
        - Use the Cluster view to see the performance of the nodes in your cluster

        """
        #expect(try LintHarness.findings(["a.md": page], rules: [TruncatedSentence.self]) == ["a.md:10:31 DG401", "a.md:16:71 DG401"])
    }

    @Test func staysQuietOnFinishedProseAndFragments() throws {
        let page = LintHarness.validFrontMatter + """
        # Finished prose

        Container insights collects logs from every node.

        The following table describes the roles that share the work

        | Component | Description |
        |---|---|
        | Node | Readiness and usage of each node |
        | Pod | Status and restarts of the pods in the cluster |

        **How can I monitor several clusters at once**

        See [the overview of the monitoring layers](overview.md)

        :::image type="content" source="a.png" alt-text="A diagram of the layers":::

        Run the following command to list the nodes `kubectl get nodes`

        - Use Container insights workbooks
        - Use the Cluster view to see the performance of the nodes in your cluster

        **Applies to**: Azure CLI version 2.50 or later

        `az aks`: Add the new command to list the nodes

        The workspace itself is free 🎉

        To clear the option, set the value to ""

        > [!NOTE]
        > Alerts have a cost that depends on the rule type (see the pricing page.)

        """
        #expect(try LintHarness.findings(["a.md": page], rules: [TruncatedSentence.self]).isEmpty)
    }

    @Test func readsTheMinimumSentenceLengthFromConfiguration() throws {
        let files = ["docgen.yml": "lint:\n  rules:\n    truncated-sentence:\n      min-sentence-words: 8\n", "a.md": paragraphs]
        #expect(try LintHarness.findings(files, rules: [TruncatedSentence.self]) == ["a.md:10:55 DG401", "a.md:14:80 DG401", "a.md:17:34 DG401"])
    }

    @Test func readsTheDanglingWordsFromConfiguration() throws {
        let page = LintHarness.validFrontMatter + "# Leads\n\nThe following table describes the monitoring\n\n| Role | Layers |\n|---|---|\n| Developer | 4 |\n"
        let files = ["docgen.yml": "lint:\n  rules:\n    DG401:\n      dangling-words: [monitoring]\n", "a.md": page]
        #expect(try LintHarness.findings(["a.md": page], rules: [TruncatedSentence.self]).isEmpty)
        #expect(try LintHarness.findings(files, rules: [TruncatedSentence.self]) == ["a.md:10:35 DG401"])
    }

    @Test func staysQuietOnQuotedMessagesLabelsAndValues() throws {
        let page = LintHarness.validFrontMatter + """
        # Messages

        > 'type' : a native array cannot contain this type

        **Minimum supported server:** Windows Server 2012

        When the container starts, the following output is displayed: Hello Docker World

        The list operation returns the response. Status code: 200 OK

        Give the appliance a range. IP Address Prefix (CIDR format): 192.168.0.0/29

        The role can be assigned at the resource group level or for the resource.\u{200B}

        If you already have a Prometheus environment that you want

        The value shown after the colon is: the number of nodes in the

        Filesystem     Type 1K-blocks    Used Available Use% Mounted on
        /dev/sda2      ext4  30681648 1870824  27231892   7% /

        | Role | Message |
        |---|---|
        | **User** | Can you tell me about the best mattresses? |
        | **Assistant** | Sure! We have both Cloud Nine and Best Sleep |

        """
        #expect(try LintHarness.findings(["a.md": page], rules: [TruncatedSentence.self]) == ["a.md:22:55 DG401", "a.md:24:60 DG401"])
    }

    @Test func cellsEndingWithACompoundAnAdverbOrAStrandedPrepositionAreFinished() throws {
        let page = LintHarness.validFrontMatter + """
        # Cells

        | Setting | Required | Description |
        |---|---|---|
        | `allow_preview` | No | Set it to true for the preview opt-in |
        | `actionId` | Yes | ID of the action to jump to |
        | `state` | No | Shows that the lamp is now on |
        | `target` | Yes | The name of the resource group and the |
        | `store` | No | {Provider}VectorStore, e.g. RedisVectorStore |

        """
        #expect(try LintHarness.findings(["a.md": page], rules: [TruncatedSentence.self]) == ["a.md:15:55 DG401"])
    }
}
