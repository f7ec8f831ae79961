/// What a command keeps until the process exits rather than frees: a large site's pages and
/// findings, freed object by object on one core, would only delay the exit that follows.
enum KeptToExit {
    /// Keeps `value` alive to the end of the process.
    static func keep(_ value: Any) {
        _ = Unmanaged.passRetained(Box(value))
    }

    private final class Box {
        let value: Any
        init(_ value: Any) { self.value = value }
    }
}
