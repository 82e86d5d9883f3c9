import APICore
import Foundation
import NIOSSL

/// Certificate authorities trusted on top of the system's: `SSL_CERT_FILE`, `SSL_CERT_DIR` and a profile's
/// `ca_file` (a TLS-inspecting gateway's CA, a private CA).
///
/// OpenSSL reads `SSL_CERT_FILE` as one PEM bundle and `SSL_CERT_DIR` as a colon-separated list of directories of
/// PEM files; both are read that way here, and added to the system roots rather than replacing them, so that setting
/// one for a gateway never breaks the public APIs.
public struct TrustRoots: Sendable {
    /// The added certificates.
    let certificates: [NIOSSLCertificate]
    /// Where they came from, for the debug log.
    public let sources: [String]

    /// No added certificates: the system roots only.
    public static let system = TrustRoots(certificates: [], sources: [])

    private init(certificates: [NIOSSLCertificate], sources: [String]) {
        self.certificates = certificates
        self.sources = sources
    }

    /// Whether anything is added to the system roots.
    public var isEmpty: Bool { certificates.isEmpty }

    /// The roots of `environment`'s `SSL_CERT_FILE` and `SSL_CERT_DIR`, plus `caFile` (a profile's `ca_file`).
    ///
    /// A file that is named but cannot be read, or holds no certificate, is an error naming it: a CA that silently
    /// did not load would only show up later as an "untrusted certificate".
    public static func load(environment: [String: String], caFile: String? = nil, profileName: String? = nil)
        throws(APIError) -> TrustRoots
    {
        var certificates: [NIOSSLCertificate] = []
        var sources: [String] = []
        if let file = nonEmpty(environment["SSL_CERT_FILE"]) {
            certificates += try read(file: file, source: "SSL_CERT_FILE")
            sources.append(file)
        }
        if let directories = nonEmpty(environment["SSL_CERT_DIR"]) {
            for directory in directories.split(separator: ":").map(String.init) where !directory.isEmpty {
                certificates += try read(directory: directory)
                sources.append(directory)
            }
        }
        if let caFile = nonEmpty(caFile) {
            let path = (caFile as NSString).expandingTildeInPath
            certificates += try read(file: path, source: profileName.map { "profiles.\($0).ca_file" } ?? "ca_file")
            sources.append(path)
        }
        return TrustRoots(certificates: certificates, sources: sources)
    }

    private static func read(file: String, source: String) throws(APIError) -> [NIOSSLCertificate] {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw APIError(kind: .invalidConfiguration, detail: "\(source): cannot read the CA file \(file)")
        }
        let certificates = (try? NIOSSLCertificate.fromPEMBytes(Array(data))) ?? []
        guard !certificates.isEmpty else {
            throw APIError(
                kind: .invalidConfiguration,
                detail: "\(source): \(file) holds no PEM certificate (-----BEGIN CERTIFICATE-----)")
        }
        return certificates
    }

    /// Every PEM certificate in `directory`'s files (OpenSSL's hashed names and any other); files that are not PEM
    /// certificates (a CRL, a README) are skipped, as OpenSSL skips them.
    private static func read(directory: String) throws(APIError) -> [NIOSSLCertificate] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw APIError(kind: .invalidConfiguration, detail: "SSL_CERT_DIR: cannot read the directory \(directory)")
        }
        return names.flatMap { name -> [NIOSSLCertificate] in
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else { return [] }
            return (try? NIOSSLCertificate.fromPEMBytes(Array(data))) ?? []
        }
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        return text
    }
}
