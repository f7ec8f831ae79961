import Foundation

/// A value made on another thread while the caller goes on, and waited for when it is read: a
/// build codes what the next build keeps of each page while it renders, and `serve` lints while
/// it prepares the site's structure, and reads its cache entry while it lists the content.
public final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    // Written once, before `done` is left; read only after waiting on it.
    private var made: Value?

    /// Starts making the value.
    public init(_ make: @escaping @Sendable () -> Value) {
        done.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            self.made = make()
            self.done.leave()
        }
    }

    /// The value, once it is made.
    public var value: Value {
        done.wait()
        return made!
    }
}
