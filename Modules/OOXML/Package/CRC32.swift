/// The ZIP CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), slicing-by-8.
enum CRC32 {
    private static let tables: [[UInt32]] = {
        var tables = [[UInt32]](repeating: [UInt32](repeating: 0, count: 256), count: 8)
        for index in 0..<256 {
            var value = UInt32(index)
            for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
            tables[0][index] = value
        }
        for index in 0..<256 {
            for slice in 1..<8 {
                let previous = tables[slice - 1][index]
                tables[slice][index] = (previous >> 8) ^ tables[0][Int(previous & 0xFF)]
            }
        }
        return tables
    }()

    /// The checksum of `bytes`, continuing from `previous` (0 to start).
    static func checksum(_ bytes: [UInt8], previous: UInt32 = 0) -> UInt32 {
        var crc = ~previous
        bytes.withUnsafeBufferPointer { buffer in
            tables.withUnsafeBufferPointer { t in
                let (t0, t1, t2, t3) = (t[0], t[1], t[2], t[3])
                let (t4, t5, t6, t7) = (t[4], t[5], t[6], t[7])
                var index = 0
                let count = buffer.count
                while index + 8 <= count {
                    let low = crc ^ (UInt32(buffer[index]) | UInt32(buffer[index + 1]) << 8
                        | UInt32(buffer[index + 2]) << 16 | UInt32(buffer[index + 3]) << 24)
                    let high = UInt32(buffer[index + 4]) | UInt32(buffer[index + 5]) << 8
                        | UInt32(buffer[index + 6]) << 16 | UInt32(buffer[index + 7]) << 24
                    crc = t7[Int(low & 0xFF)] ^ t6[Int((low >> 8) & 0xFF)] ^ t5[Int((low >> 16) & 0xFF)]
                        ^ t4[Int(low >> 24)] ^ t3[Int(high & 0xFF)] ^ t2[Int((high >> 8) & 0xFF)]
                        ^ t1[Int((high >> 16) & 0xFF)] ^ t0[Int(high >> 24)]
                    index += 8
                }
                while index < count {
                    crc = t0[Int((crc ^ UInt32(buffer[index])) & 0xFF)] ^ (crc >> 8)
                    index += 1
                }
            }
        }
        return ~crc
    }
}
