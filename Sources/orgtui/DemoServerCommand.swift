import ArgumentParser
import DemoServer
import Foundation

/// `orgtui demo-server`: the demo backend on its own, for other clients and tests.
struct DemoServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-server",
        abstract: "Run the demo backend (fakes of the Cloudflare v4, OpenAI Admin and Keycard APIs) on 127.0.0.1.",
        discussion: """
            Prints 'orgtui demo-server listening on <base URL>' as its first line, then the API token to use \
            (Authorization: Bearer <token>), then 'openai <base URL>' (OPENAI_BASE_URL; with --token the same \
            token is also the OpenAI admin key and the Keycard API key), then 'keycard <base URL>' \
            (KEYCARD_API_BASE_URL). Stop it with Ctrl-C or SIGTERM.
            """)

    @Option(name: .long, help: "TCP port on 127.0.0.1 (0 picks a free one).")
    var port = 0

    @Option(name: .long, help: "The demo API token (random if omitted). A demo value, not a real credential.")
    var token: String?

    @Option(name: .long, help: "Members of the big account (up to 100000).")
    var members = 2_500

    @Option(name: .customLong("openai-users"), help: "Users of the OpenAI organization (up to 100000).")
    var openAIUsers = 1_200

    @Option(name: .long, help: "Seed of the generated data.")
    var seed: UInt64 = 1

    @Option(name: .customLong("tls-cert"), help: "Serve HTTPS (HTTP/2 and HTTP/1.1) with this PEM certificate chain.")
    var tlsCertificate: String?

    @Option(name: .customLong("tls-key"), help: "The PEM private key of --tls-cert.")
    var tlsKey: String?

    @Option(name: .long, help: "Delay every API answer by MS milliseconds (jittered by ±10 %), like a real network.")
    var latency = 0

    @Option(
        name: .customLong("rate-limit"),
        help: ArgumentHelp(
            "Allow N requests per credential in a rolling window, then answer 429 with Retry-After.",
            discussion: "N/5m (Cloudflare's documented limit is 1200/5m); the window may be given in s, m or h.",
            valueName: "N/window"))
    var rateLimit: String?

    func validate() throws {
        if (tlsCertificate == nil) != (tlsKey == nil) { throw ValidationError("--tls-cert and --tls-key go together") }
        if latency < 0 { throw ValidationError("--latency must be 0 or more milliseconds") }
        if let rateLimit, DemoRateLimit(parsing: rateLimit) == nil {
            throw ValidationError("--rate-limit must look like 1200/5m (requests per window in s, m or h)")
        }
    }

    func run() async throws {
        var configuration = DemoServerConfiguration(
            port: port, token: token, members: members, seed: seed, latency: .milliseconds(latency),
            openAIUsers: openAIUsers)
        if let tlsCertificate, let tlsKey {
            configuration.tls = DemoServerTLS(certificateFile: tlsCertificate, keyFile: tlsKey)
        }
        configuration.rateLimit = rateLimit.flatMap(DemoRateLimit.init(parsing:))
        let server: DemoServer
        do {
            server = try await DemoServer.start(configuration)
        } catch let error as DemoServerError {
            FileHandle.standardError.write(Data("orgtui demo-server: \(error)\n".utf8))
            throw ExitCode(2)
        }
        // Written unbuffered: whoever started the server reads these lines from a pipe while it runs.
        let banner = """
            orgtui demo-server listening on \(server.cloudflareBaseURL.absoluteString)
            \(server.loginToken)
            openai \(server.openAIBaseURL.absoluteString)
            keycard \(server.keycardBaseURL.absoluteString)

            """
        FileHandle.standardOutput.write(Data(banner.utf8))
        await TerminationSignal.wait()
        await server.stop()
    }
}
