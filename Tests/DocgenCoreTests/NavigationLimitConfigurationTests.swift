import DocgenCore
import Testing

/// `navigation.inline-limit` in docgen.yml.
@Suite struct NavigationLimitConfigurationTests {
    @Test func defaultsTo300Entries() throws {
        #expect(try SiteConfiguration.parse("site:\n  title: T\n").navigationInlineLimit == 300)
    }

    @Test func readsTheLimit() throws {
        #expect(try SiteConfiguration.parse("navigation:\n  inline-limit: 40\n").navigationInlineLimit == 40)
    }

    @Test func refusesALimitThatIsNotAWholeNumberAtItsLine() throws {
        let failure = #expect(throws: YAMLReader.Failure.self) { try SiteConfiguration.parse("site:\n  title: T\nnavigation:\n  inline-limit: many\n") }
        #expect(failure?.line == 4)
        #expect(failure?.message == "'navigation.inline-limit' must be a whole number of navigation entries, such as 300")
        #expect(throws: YAMLReader.Failure.self) { try SiteConfiguration.parse("navigation:\n  inline-limit: -1\n") }
    }

    @Test func refusesANavigationThatIsNotAMap() throws {
        let failure = #expect(throws: YAMLReader.Failure.self) { try SiteConfiguration.parse("navigation: 300\n") }
        #expect(failure?.line == 1)
    }
}
