import NIOCore
import NIOHTTP1

/// Answers HTTP/1.0 requests in HTTP/1.0. The server's HTTP types do not carry the request's
/// version, so every response would go out as HTTP/1.1, and one without a length (the
/// live-reload event stream) in chunked encoding, which an HTTP/1.0 client cannot read. This
/// handler, right after the HTTP decoder, notes each request's version; a response to an
/// HTTP/1.0 request is sent as HTTP/1.0 with `Connection: close`, so a body without a length is
/// sent as it is and ends when the connection closes, and the request is marked
/// `Connection: close` so that the server closes it after the response.
final class HTTP10Framing: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// The versions of the requests whose responses have not begun, oldest first.
    private var versions = CircularBuffer<HTTPVersion>()

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data) else {
            context.fireChannelRead(data)
            return
        }
        versions.append(head.version)
        if Self.isBeforeHTTP11(head.version) {
            head.headers.replaceOrAdd(name: "connection", value: "close")
            context.fireChannelRead(wrapInboundOut(.head(head)))
        } else {
            context.fireChannelRead(data)
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        // An interim response (100 Continue) is not the answer to the request.
        guard case .head(var head) = unwrapOutboundIn(data), head.status.code >= 200, let version = versions.popFirst(), Self.isBeforeHTTP11(version)
        else {
            context.write(data, promise: promise)
            return
        }
        head.version = .http1_0
        head.headers.replaceOrAdd(name: "connection", value: "close")
        // A length the server set stays; without one, the body is delimited by the close.
        head.headers.remove(name: "transfer-encoding")
        context.write(wrapOutboundOut(.head(head)), promise: promise)
    }

    static func isBeforeHTTP11(_ version: HTTPVersion) -> Bool {
        version.major < 1 || (version.major == 1 && version.minor == 0)
    }
}

@available(*, unavailable)
extension HTTP10Framing: Sendable {}
