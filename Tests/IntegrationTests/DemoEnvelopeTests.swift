import APICore
import CloudflareAPI
import Foundation
import Testing

@testable import DemoServer

/// The demo server writes a list page's envelope by hand (it serves hundreds of pages a second); the text must be
/// exactly what `JSONEncoder` writes for the same envelope, whatever `result_info` holds.
@Suite("Demo list envelopes written by hand")
struct DemoEnvelopeTests {
    static let infos: [Cloudflare.ResultInfo?] = [
        nil,
        Cloudflare.ResultInfo(page: 3, perPage: 50, count: 50, totalCount: 10_000, totalPages: 200),
        Cloudflare.ResultInfo(page: 1, perPage: 20, count: 0, totalCount: 0, totalPages: 0),
        Cloudflare.ResultInfo(page: 2),
        Cloudflare.ResultInfo(),
        Cloudflare.ResultInfo(count: 1, cursors: .init(after: "abc\"def")),
    ]

    @Test(arguments: infos)
    func isWhatTheEncoderWrites(_ info: Cloudflare.ResultInfo?) throws {
        let items = [Data(#"{"id":"a"}"#.utf8), Data(#"{"id":"b"}"#.utf8)]
        let (head, tail) = try Reply.envelopeAround(info)
        let byHand = head + items.map { String(decoding: $0, as: UTF8.self) }.joined(separator: ",") + tail
        let envelope = Cloudflare.Envelope(success: true, result: [["id": "a"], ["id": "b"]], resultInfo: info)
        #expect(byHand == String(decoding: try Reply.encode(envelope), as: UTF8.self))
    }
}
