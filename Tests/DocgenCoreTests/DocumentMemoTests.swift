import DocgenCore
import Testing

@Suite("A page's memo")
struct DocumentMemoTests {
    @Test("A fact is made once, and a fact that is nil is kept as nil, not made again")
    func makesOnce() {
        let memo = DocumentMemo()
        var made = 0
        #expect(memo.value("count") { made += 1; return 7 } == 7)
        #expect(memo.value("count") { made += 1; return 8 } == 7)
        let missing: String? = memo.value("title") { made += 1; return nil }
        #expect(missing == nil)
        let again: String? = memo.value("title") { made += 1; return "made again" }
        #expect(again == nil)
        let present: String? = memo.value("other") { made += 1; return "there" }
        #expect(present == "there")
        #expect(made == 3)
    }
}
