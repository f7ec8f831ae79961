extension Array {
    /// A copy with room for its elements only. A list that grew by appending keeps up to as much
    /// room again for more; a page keeps its lists of links for the whole run, so those are kept
    /// as copies.
    public func withoutSpareCapacity() -> [Element] {
        isEmpty ? [] : withUnsafeBufferPointer { Array($0) }
    }
}
