import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A real HTTP/1.1 server on 127.0.0.1 for tests: it records every request and answers with
/// whatever the test's handler says, including faults (late headers, a body cut short, raw bytes).
///
/// One thread per connection, keep-alive supported; enough for hundreds of concurrent requests.
public final class LoopbackServer: @unchecked Sendable {
    /// A request as the server received it.
    public struct Received: Sendable {
        public let method: String
        /// The path without the query.
        public let path: String
        /// The raw query string, without `?`.
        public let query: String
        public let headers: [String: String]
        public let body: Data

        /// The query's items, percent-decoded, in order.
        public var queryItems: [(name: String, value: String)] { Self.decodeForm(query) }
        /// The value of the first query item called `name`.
        public func queryValue(_ name: String) -> String? { queryItems.first { $0.name == name }?.value }
        /// The body's form fields, percent-decoded, in order.
        public var formFields: [(name: String, value: String)] { Self.decodeForm(String(decoding: body, as: UTF8.self)) }

        /// The parts of a `multipart/form-data` body (RFC 7578), split at the boundary its
        /// `Content-Type` names: each part's headers (names lower-cased) and bytes.
        public var multipartParts: [(headers: [String: String], body: Data)] {
            guard let type = headers["content-type"], type.hasPrefix("multipart/form-data"),
                let marker = type.range(of: "boundary=")
            else { return [] }
            let delimiter = Data(("--" + type[marker.upperBound...]).utf8)
            let lineBreak = Data("\r\n".utf8)
            var parts: [(headers: [String: String], body: Data)] = []
            var rest = body[...]
            guard let first = rest.range(of: delimiter) else { return [] }
            rest = rest[first.upperBound...]
            while rest.starts(with: lineBreak), let next = rest.range(of: lineBreak + delimiter) {
                let part = rest[rest.startIndex + 2..<next.lowerBound]
                guard let split = part.range(of: Data("\r\n\r\n".utf8)) else { break }
                var fields: [String: String] = [:]
                for line in String(decoding: part[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n") {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                parts.append((fields, Data(part[split.upperBound...])))
                rest = rest[next.upperBound...]
            }
            return parts
        }

        static func decodeForm(_ text: String) -> [(name: String, value: String)] {
            text.split(separator: "&").map { pair in
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                func decode(_ text: Substring) -> String {
                    text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
                }
                return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
            }
        }
    }

    /// What the server sends back.
    public struct Reply: Sendable {
        public var status: Int
        public var headers: [(String, String)]
        public var body: Data
        /// Wait this long before sending anything.
        public var delay: Duration
        /// Send the headers (announcing the whole body) but only this many body bytes, then close.
        public var cutBodyAfter: Int?
        /// Send these bytes as the whole response instead of building one.
        public var raw: Data?

        public init(
            status: Int = 200, headers: [(String, String)] = [("Content-Type", "application/json")], body: Data = Data(),
            delay: Duration = .zero, cutBodyAfter: Int? = nil, raw: Data? = nil
        ) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
            self.cutBodyAfter = cutBodyAfter
            self.raw = raw
        }

        public static func json(_ text: String, status: Int = 200) -> Reply {
            Reply(status: status, body: Data(text.utf8))
        }
    }

    public typealias Handler = @Sendable (Received) -> Reply

    public let port: Int
    private let listener: Int32
    private let handler: Handler
    private let lock = NSLock()
    private var received: [Received] = []
    private var arrivalTimes: [ContinuousClock.Instant] = []
    private var connections: Set<Int32> = []
    private var inFlight = 0
    private var maxInFlight = 0
    private var stopped = false
    private var listenerClosed = false

    /// Starts a server on a free port of 127.0.0.1.
    public init(handler: @escaping Handler) throws {
        self.handler = handler
        let (descriptor, port) = try boundLoopbackSocket(reuseAddress: true)
        guard listen(descriptor, 512) == 0 else {
            close(descriptor)
            throw ServerError("listen failed: \(errno)")
        }
        self.port = port
        listener = descriptor
        let thread = Thread { [self] in acceptLoop() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    deinit { stop() }

    /// The base URL, such as `http://127.0.0.1:54321`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Every request so far, in the order they arrived.
    public var requests: [Received] { lock.withLock { received } }

    /// When each request arrived, in order.
    public var arrivals: [ContinuousClock.Instant] { lock.withLock { arrivalTimes } }

    /// The most requests the server was answering at the same time.
    public var peakConcurrency: Int { lock.withLock { maxInFlight } }

    /// Stops accepting and ends every open connection.
    ///
    /// Descriptors are only shut down here; the threads that use them close them, so that a
    /// descriptor number is never reused while a thread of this server may still use it.
    public func stop() {
        // Under the lock, so that no descriptor is shut down after its thread closed it (its
        // number may belong to another server by then).
        lock.withLock {
            guard !stopped else { return }
            stopped = true
            if !listenerClosed { shutdown(listener, Int32(SHUT_RDWR)) }
            for connection in connections { shutdown(connection, Int32(SHUT_RDWR)) }
        }
    }

    private func acceptLoop() {
        defer {
            lock.withLock {
                listenerClosed = true
                close(listener)
            }
        }
        while !lock.withLock({ stopped }) {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                // Only `stop()` ends the loop; an aborted or interrupted connection does not.
                if lock.withLock({ stopped }) { return }
                if errno == EMFILE || errno == ENFILE { Thread.sleep(forTimeInterval: 0.01) }
                continue
            }
            if lock.withLock({ stopped }) {
                close(connection)
                return
            }
            var one: Int32 = 1
            setsockopt(connection, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            lock.withLock { _ = connections.insert(connection) }
            let thread = Thread { [self] in serve(connection) }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    private func serve(_ connection: Int32) {
        defer {
            lock.withLock {
                _ = connections.remove(connection)
                close(connection)
            }
        }
        var buffer = [UInt8]()
        while let request = readRequest(connection, buffer: &buffer) {
            lock.withLock {
                received.append(request)
                arrivalTimes.append(.now)
                inFlight += 1
                maxInFlight = max(maxInFlight, inFlight)
            }
            let reply = handler(request)
            if reply.delay > .zero { Thread.sleep(forTimeInterval: timeInterval(reply.delay)) }
            let keepOpen = write(reply, to: connection)
            lock.withLock { inFlight -= 1 }
            if !keepOpen || request.headers["connection"]?.lowercased() == "close" { return }
        }
    }


    /// Reads one request; `nil` at the end of the connection.
    private func readRequest(_ connection: Int32, buffer: inout [UInt8]) -> Received? {
        let separator: [UInt8] = [13, 10, 13, 10]
        var headerEnd: Int?
        while true {
            if let end = Self.find(separator, in: buffer) {
                headerEnd = end
                break
            }
            guard receive(connection, into: &buffer) else { return nil }
        }
        guard let headerEnd else { return nil }
        let head = String(decoding: buffer[0..<headerEnd], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        let bodyStart = headerEnd + 4
        while buffer.count < bodyStart + length {
            guard receive(connection, into: &buffer) else { return nil }
        }
        let body = Data(buffer[bodyStart..<(bodyStart + length)])
        buffer.removeFirst(bodyStart + length)
        let target = String(requestLine[1])
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return Received(
            method: String(requestLine[0]), path: String(parts[0]), query: parts.count > 1 ? String(parts[1]) : "",
            headers: headers, body: body)
    }

    private func receive(_ connection: Int32, into buffer: inout [UInt8]) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = recv(connection, &chunk, chunk.count, 0)
        guard count > 0 else { return false }
        buffer.append(contentsOf: chunk[0..<count])
        return true
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for index in 0...(haystack.count - needle.count) where haystack[index] == needle[0] {
            if Array(haystack[index..<(index + needle.count)]) == needle { return index }
        }
        return nil
    }

    /// Writes the reply; `false` when the connection must close afterwards.
    private func write(_ reply: Reply, to connection: Int32) -> Bool {
        if let raw = reply.raw {
            sendAll(raw, to: connection)
            return false
        }
        var head = "HTTP/1.1 \(reply.status) \(Self.reason(reply.status))\r\n"
        for (name, value) in reply.headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(reply.body.count)\r\n\r\n"
        guard sendAll(Data(head.utf8), to: connection) else { return false }
        if let cut = reply.cutBodyAfter {
            sendAll(reply.body.prefix(cut), to: connection)
            return false
        }
        return sendAll(reply.body, to: connection)
    }

    @discardableResult
    private func sendAll(_ data: Data, to connection: Int32) -> Bool {
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let sent = send(connection, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if sent <= 0 { return false }
                offset += sent
            }
            return true
        }
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status"
        }
    }
}

/// A port on 127.0.0.1 that refuses connections: bound, so that no server can take it, but not
/// listening. For tests of refused connections; the port is free again when this is released.
public final class RefusingPort: @unchecked Sendable {
    public let port: Int
    private let descriptor: Int32

    public init() throws {
        (descriptor, port) = try boundLoopbackSocket(reuseAddress: false)
    }

    deinit { close(descriptor) }

    public var baseURL: String { "http://127.0.0.1:\(port)" }
}

/// A TCP socket bound to a free port of 127.0.0.1 (not listening yet), and that port.
private func boundLoopbackSocket(reuseAddress: Bool) throws -> (descriptor: Int32, port: Int) {
    #if canImport(Glibc) || canImport(Musl)
    let streamType = Int32(SOCK_STREAM.rawValue)
    #else
    let streamType = SOCK_STREAM
    #endif
    let descriptor = socket(AF_INET, streamType, 0)
    guard descriptor >= 0 else { throw ServerError("socket() failed: \(errno)") }
    if reuseAddress {
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0 else {
        close(descriptor)
        throw ServerError("bind failed: \(errno)")
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    withUnsafeMutablePointer(to: &address) {
        _ = $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
}

/// `duration` in seconds, for Foundation's thread and date APIs.
func timeInterval(_ duration: Duration) -> TimeInterval {
    let (seconds, attoseconds) = duration.components
    return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
}

struct ServerError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
