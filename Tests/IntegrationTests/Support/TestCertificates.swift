import Foundation

/// A test CA and server certificates it signed, made with `openssl` in a temporary folder: a good leaf for
/// 127.0.0.1 and localhost, a leaf for another name, and an expired leaf.
struct TestCertificates {
    /// A certificate and its key, as PEM file paths.
    struct Pair {
        let certificate: String
        let key: String
    }

    let directory: URL
    /// The CA's certificate (what `SSL_CERT_FILE` or `ca_file` names).
    let ca: String
    let good: Pair
    let wrongName: Pair
    let expired: Pair

    /// Makes the CA and the leaves (EC P-256 keys, quick to make).
    static func make() throws -> TestCertificates {
        guard let openssl = NetworkTools.openssl else { throw NetworkTools.ToolFailure(description: "no openssl") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "orgtui-certs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try NetworkTools.run(
            openssl,
            ["req", "-x509"] + key + [
                "-keyout", "ca.key", "-out", "ca.pem", "-days", "30", "-subj", "/CN=orgtui test CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            ], in: directory)
        func leaf(_ name: String, names: String, days: Int) throws -> Pair {
            try Data("subjectAltName=\(names)\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n".utf8)
                .write(to: directory.appendingPathComponent("\(name).ext"))
            try NetworkTools.run(
                openssl, ["req"] + key + ["-keyout", "\(name).key", "-out", "\(name).csr", "-subj", "/CN=\(name)"],
                in: directory)
            try NetworkTools.run(
                openssl,
                [
                    "x509", "-req", "-in", "\(name).csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                    "-out", "\(name).pem", "-days", "\(days)", "-extfile", "\(name).ext",
                ], in: directory)
            return Pair(
                certificate: directory.appendingPathComponent("\(name).pem").path,
                key: directory.appendingPathComponent("\(name).key").path)
        }
        return TestCertificates(
            directory: directory, ca: directory.appendingPathComponent("ca.pem").path,
            good: try leaf("good", names: "IP:127.0.0.1,DNS:localhost", days: 30),
            wrongName: try leaf("wrong", names: "DNS:wrong.example", days: 30),
            // -1 day: valid until yesterday (openssl 3.0 takes no explicit dates on x509 -req).
            expired: try leaf("expired", names: "IP:127.0.0.1,DNS:localhost", days: -1))
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
