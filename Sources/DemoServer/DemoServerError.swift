/// Why a demo server could not start.
public enum DemoServerError: Error, Sendable, CustomStringConvertible {
    /// The server stopped before it was listening (e.g. the port is taken).
    case stoppedBeforeListening(String)
    /// The server is listening but its port could not be read.
    case unknownPort
    /// The TLS certificate or key could not be used.
    case tls(String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .stoppedBeforeListening(let reason): "The demo server stopped before listening: \(reason)"
        case .unknownPort: "The demo server is listening on an unknown port"
        case .tls(let reason): "The demo server cannot serve HTTPS: \(reason)"
        }
    }
}
