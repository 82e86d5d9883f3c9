import Hummingbird
import Logging

/// Where the context of a request answered in process comes from: no channel, only a logger.
struct InProcessContextSource: RequestContextSource {
    let logger: Logger
}
