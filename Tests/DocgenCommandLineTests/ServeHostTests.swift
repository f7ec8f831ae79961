import DocgenServe
import DocgenTestSupport
import Foundation
import Testing

@Suite("serve: requests for other hosts are refused (DNS rebinding)", .serialized, .timeLimit(.minutes(1)))
struct ServeHostTests {
    static func refusal(_ host: String, port: Int) -> String {
        "docgen serve does not answer requests for host \(host). It answers http://127.0.0.1:\(port)/, http://localhost:\(port)/ "
            + "and http://[::1]:\(port)/ (or the name given with --host), so that a page on another site cannot read your drafts "
            + "through DNS rebinding. Open http://127.0.0.1:\(port)/ instead.\n"
    }

    static func home(_ server: PreviewServer) throws -> String {
        guard case .memory(let page, _) = server.snapshot.lookup("index.html") else { throw ServeFixtures.Failure(description: "no index.html") }
        return String(buffer: page)
    }

    @Test("The served address under each loopback name is answered; another name, another port or no Host gets 421")
    func refusesOtherHosts() async throws {
        let content = try ServeFixtures.content()
        let server = try ServeIntegrationTests.server(content)
        try await ServeFixtures.withRunningServer(server) { client in
            let port = client.port
            let home = try Self.home(server)
            for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LocalHost:\(port)", "[::1]:\(port)"] {
                let reply = try await client.request("/", host: .value(host))
                #expect(reply.status == 200, "\(host)")
                #expect(reply.body == home, "\(host)")
            }
            for (host, shown) in [
                ("evil.example:\(port)", "'evil.example:\(port)'"), ("attacker.test", "'attacker.test'"), ("localhost:\(port + 1)", "'localhost:\(port + 1)'"),
                ("127.0.0.1.evil.example:\(port)", "'127.0.0.1.evil.example:\(port)'"), ("localhost", "'localhost'"),
            ] {
                let reply = try await client.request("/overview.html", host: .value(host))
                #expect(reply.status == 421, "\(host)")
                #expect(reply.headers["content-type"] == "text/plain; charset=utf-8", "\(host)")
                #expect(reply.body == Self.refusal(shown, port: port), "\(host)")
            }
            let none = try await client.request("/", host: .none)
            #expect(none.status == 421)
            #expect(none.body == Self.refusal("(none: the request has no Host header)", port: port))

            // The live-reload stream is refused too, before it is opened.
            let events = try await client.request("/__docgen/events", host: .value("evil.example:\(port)"))
            #expect(events.status == 421)
            #expect(events.headers["content-type"] == "text/plain; charset=utf-8")
            #expect(server.hub.clientCount == 0)
        }
    }

    @Test("HostCheck: the --host name, and any address when listening on all of them")
    func hostCheck() {
        let named = HostCheck(boundHost: "docs.internal", port: 4000)
        #expect(named.allows("docs.internal:4000"))
        #expect(named.allows("127.0.0.1:4000"))
        #expect(!named.allows("docs.internal:4001"))
        #expect(!named.allows("192.168.1.20:4000"))
        #expect(!named.allows(nil))

        let wildcard = HostCheck(boundHost: "0.0.0.0", port: 4000)
        #expect(wildcard.allows("192.168.1.20:4000"))
        #expect(wildcard.allows("[fe80::1]:4000"))
        #expect(!wildcard.allows("rebind.example:4000"))
        #expect(!wildcard.allows("192.168.1.20:4001"))
        #expect(!wildcard.allows("999.1.1.1:4000"))

        let ipv6 = HostCheck(boundHost: "::1", port: 80)
        #expect(ipv6.allows("[::1]"))
        #expect(ipv6.allows("localhost"))
        #expect(!ipv6.allows("[::1]:8080"))
    }
}
