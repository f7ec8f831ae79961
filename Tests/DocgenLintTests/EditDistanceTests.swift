import DocgenLint
import Testing

@Suite struct EditDistanceTests {
    @Test func countsSingleCharacterEdits() {
        #expect(EditDistance.between("kitten", "sitting") == 3)
        #expect(EditDistance.between("", "abc") == 3)
        #expect(EditDistance.between("node-view.png", "node-veiw.png") == 2)
        // Characters, not bytes: an accented letter is one edit away from the plain one.
        #expect(EditDistance.between("Québec", "Quebec") == 1)
        // A letter and its accent written as two scalars are still the one character.
        #expect(EditDistance.between("Qu\u{E9}bec", "Que\u{301}bec") == 0)
        #expect(EditDistance.between("Qu\u{E9}bek", "Que\u{301}bec") == 1)
    }

    @Test func givesUpPastTheLimitWithTheSameAnswerBelowIt() {
        #expect(EditDistance.between("kitten", "sitting", atMost: 3) == 3)
        #expect(EditDistance.between("kitten", "sitting", atMost: 2) == nil)
        // Lengths alone rule this pair out.
        #expect(EditDistance.between("a.md", "a-much-longer-name.md", atMost: 4) == nil)
        #expect(EditDistance.between("Québec", "Quebec", atMost: 0) == nil)
    }

    @Test func suggestsTheClosestCandidateOnlyWhenItIsLikelyATypo() {
        #expect(EditDistance.closest(to: "develper", in: ["designer", "developer", "network-engineer"]) == "developer")
        #expect(EditDistance.closest(to: "operator", in: ["developer", "network-engineer"]) == nil)
        // Ties go to the candidate that sorts first.
        #expect(EditDistance.closest(to: "cat", in: ["cut", "bat"]) == "bat")
    }
}
