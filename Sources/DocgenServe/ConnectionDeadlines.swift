import NIOCore
import NIOHTTP1

/// Closes a connection that keeps the server waiting (see ``ConnectionLimits``): a new one that
/// has not sent a complete request head within the header timeout, a kept-alive one silent for
/// the idle timeout (or slower than the header timeout once its next request has begun), a
/// request body that pauses longer than the header timeout, and a response the client has not
/// read for the write timeout. A response being produced (a live-reload stream) has no time limit
/// while the client reads it.
///
/// Two handlers share one clock: ``ConnectionDeadlines/BytesHandler`` at the front of the
/// pipeline sees bytes arrive, ``ConnectionDeadlines/RequestHandler`` after the HTTP decoder sees
/// where requests and responses begin and end. Both run on the channel's event loop.
final class ConnectionDeadlines {
    private enum Phase {
        /// Waiting for a request: a new connection (`fresh`) or a kept-alive one.
        case waiting(fresh: Bool)
        /// A request head is arriving.
        case readingHead
        /// A request body is arriving.
        case readingBody
        /// The request is read; the response is being written.
        case responding
    }

    private let limits: ConnectionLimits
    private var phase = Phase.waiting(fresh: true)
    private var readDeadline: Scheduled<Void>?
    private var writeDeadline: Scheduled<Void>?
    /// Requests whose head was read and whose response has not ended (pipelined requests).
    private var open = 0
    private var context: ChannelHandlerContext?

    init(limits: ConnectionLimits) {
        self.limits = limits
    }

    /// The handlers to add: the first at the front of the pipeline, the second after the decoder.
    static func handlers(_ limits: ConnectionLimits) -> (BytesHandler, RequestHandler) {
        let clock = ConnectionDeadlines(limits: limits)
        return (BytesHandler(clock), RequestHandler(clock))
    }

    fileprivate func start(_ context: ChannelHandlerContext) {
        self.context = context
        arm(limits.headerTimeout)
    }

    fileprivate func stop() {
        readDeadline?.cancel()
        writeDeadline?.cancel()
        readDeadline = nil
        writeDeadline = nil
        context = nil
    }

    fileprivate func bytesArrived() {
        switch phase {
        case .waiting(fresh: false):
            // The next request has begun: its head gets the header timeout from its first byte.
            phase = .readingHead
            arm(limits.headerTimeout)
        case .waiting(fresh: true):
            // The header timeout runs from the connection's start.
            phase = .readingHead
        case .readingBody:
            arm(limits.headerTimeout)
        case .readingHead, .responding:
            break
        }
    }

    fileprivate func headRead() {
        open += 1
        phase = .readingBody
        arm(limits.headerTimeout)
    }

    fileprivate func requestRead() {
        phase = .responding
        disarm()
    }

    fileprivate func responseEnded() {
        open = max(0, open - 1)
        guard open == 0, case .responding = phase else { return }
        phase = .waiting(fresh: false)
        arm(limits.idleTimeout)
    }

    fileprivate func writabilityChanged(isWritable: Bool) {
        writeDeadline?.cancel()
        writeDeadline = nil
        guard !isWritable, let context else { return }
        writeDeadline = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(limits.writeTimeout)) { [weak self] in
            self?.context?.close(promise: nil)
        }
    }

    private func arm(_ timeout: Duration) {
        readDeadline?.cancel()
        guard let context else { return }
        readDeadline = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(timeout)) { [weak self] in
            self?.context?.close(promise: nil)
        }
    }

    private func disarm() {
        readDeadline?.cancel()
        readDeadline = nil
    }

    /// Sees bytes arrive and the channel's writability change; first in the pipeline.
    final class BytesHandler: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = ByteBuffer
        private let clock: ConnectionDeadlines

        fileprivate init(_ clock: ConnectionDeadlines) {
            self.clock = clock
        }

        func handlerAdded(context: ChannelHandlerContext) {
            clock.start(context)
        }

        func handlerRemoved(context: ChannelHandlerContext) {
            clock.stop()
        }

        func channelInactive(context: ChannelHandlerContext) {
            clock.stop()
            context.fireChannelInactive()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            clock.bytesArrived()
            context.fireChannelRead(data)
        }

        func channelWritabilityChanged(context: ChannelHandlerContext) {
            clock.writabilityChanged(isWritable: context.channel.isWritable)
            context.fireChannelWritabilityChanged()
        }
    }

    /// Sees requests and responses begin and end; right after the HTTP decoder.
    final class RequestHandler: ChannelDuplexHandler, RemovableChannelHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias InboundOut = HTTPServerRequestPart
        typealias OutboundIn = HTTPServerResponsePart
        typealias OutboundOut = HTTPServerResponsePart
        private let clock: ConnectionDeadlines

        fileprivate init(_ clock: ConnectionDeadlines) {
            self.clock = clock
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head: clock.headRead()
            case .body: break
            case .end: clock.requestRead()
            }
            context.fireChannelRead(data)
        }

        func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
            if case .end = unwrapOutboundIn(data) { clock.responseEnded() }
            context.write(data, promise: promise)
        }
    }
}

@available(*, unavailable)
extension ConnectionDeadlines: Sendable {}
