@testable import DocgenMarkup
import Testing

/// Moniker range expressions as Learn reads them (dotnet/docfx `src/docfx/lib/moniker/`).
@Suite struct MonikerRangeTests {
    static let versions = ["vs-2017", "vs-2019", "vs-2022", "msvc-150", "msvc-160"]

    static func evaluate(_ text: String) throws -> [String] {
        try MonikerRange.parse(text).get().evaluate(in: versions)
    }

    @Test func comparesWithinTheMonikersProductInTheDocSetsOrder() throws {
        #expect(try Self.evaluate("vs-2019") == ["vs-2019"])
        #expect(try Self.evaluate("= vs-2019") == ["vs-2019"])
        #expect(try Self.evaluate(">= vs-2019") == ["vs-2019", "vs-2022"])
        #expect(try Self.evaluate(">vs-2019") == ["vs-2022"])
        #expect(try Self.evaluate("< vs-2022") == ["vs-2017", "vs-2019"])
        #expect(try Self.evaluate("<= msvc-150") == ["msvc-150"])
        #expect(try Self.evaluate(">= vs-2017 < vs-2022") == ["vs-2017", "vs-2019"])
        #expect(try Self.evaluate("vs-2017 || >= msvc-150") == ["vs-2017", "msvc-150", "msvc-160"])
        #expect(try Self.evaluate("VS-2017") == ["vs-2017"])
        #expect(try Self.evaluate("vs-2030 || vs-2017") == ["vs-2017"])
        #expect(try MonikerRange.parse(">= vs-2019 || vs-2017 || vs-2019").get().names == ["vs-2019", "vs-2017"])
    }

    @Test func namesTheProductOfAMoniker() {
        #expect(MonikerRange.product(of: "vs-2019") == "vs")
        #expect(MonikerRange.product(of: "azure-cli-lts-2017-03-09-profile") == "azure-cli-lts")
        #expect(MonikerRange.product(of: "azure-cli-latest") == "azure-cli")
        #expect(MonikerRange.product(of: "netcore-1.0") == "netcore")
    }

    @Test func saysWhereAnUnreadableRangeStops() {
        func error(_ text: String) -> String? {
            guard case .failure(let error) = MonikerRange.parse(text) else { return nil }
            return "\(error.offset) \(error.message)"
        }
        #expect(error("") == "0 the range is empty")
        #expect(error("vs-2019 ||") == "8 '||' needs a moniker after it")
        #expect(error("|| vs-2019") == "0 '||' needs a moniker before it")
        #expect(error("vs-2019 | vs-2022") == "8 '|' must be '||'")
        #expect(error(">= ") == "0 '>=' needs a moniker after it")
        #expect(error("vs-2019 && vs-2022") == "8 unexpected '&'")
        #expect(error("(vs-2019)") == "0 unexpected '('")
    }
}
