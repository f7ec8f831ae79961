import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// Hummingbird's HTTP/1.1 channel with docgen's connection handling added: the deadlines of
/// ``ConnectionDeadlines`` (instead of Hummingbird's single idle timeout, which cannot tell a
/// silent connection from a slow request head) and ``HTTP10Framing``.
struct PreviewHTTPChannel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let http1: HTTP1Channel
    let limits: ConnectionLimits

    /// The server builder for ``Hummingbird/Application``.
    static func builder(limits: ConnectionLimits) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in
            PreviewHTTPChannel(http1: HTTP1Channel(responder: responder, configuration: .init(idleTimeout: nil)), limits: limits)
        }
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let limits = self.limits
        return http1.setup(channel: channel, logger: logger).flatMapThrowing { value in
            // Runs on the channel's event loop, after Hummingbird built its pipeline.
            let pipeline = channel.pipeline.syncOperations
            let (bytes, requests) = ConnectionDeadlines.handlers(limits)
            try pipeline.addHandler(bytes, position: .first)
            let decoder = try pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try pipeline.addHandler(HTTP10Framing(), position: .after(decoder))
            try pipeline.addHandler(requests, position: .after(decoder))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}
