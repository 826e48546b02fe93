import Foundation
import ZIPFoundation

/// Raw-deflate decompression that counts output bytes as they come and stops past a limit.
///
/// Uses ZIPFoundation's streaming `Data.decompress` with our own provider: the compressed bytes are
/// served from the exact range of the entry (never beyond it), so a stream that never ends cannot
/// make the inflater read on through the rest of the file or spin at its end.
enum BoundedInflater {
    /// Why inflating stopped early.
    enum Failure: Error {
        case exceededLimit
        case exhaustedInput
    }

    private static let chunkSize = 64 * 1024

    /// Inflates `range` of `bytes`, keeping at most `keep` bytes (the declared size) and counting the rest;
    /// throws `Failure.exceededLimit` once more than `limit` bytes come out. Memory stays bounded by `keep`
    /// even when a header lies; the count tells a damaged entry (a little more than declared) from a bomb
    /// (more than the limit). The caller checks the count and the CRC.
    static func inflate(_ bytes: [UInt8], range: Range<Int>, keep: Int, limit: Int) throws -> (data: [UInt8], count: Int) {
        var output: [UInt8] = []
        var count = 0
        var position = range.lowerBound
        var paddedOnce = false
        _ = try Data.decompress(
            size: Int64(range.count), bufferSize: chunkSize, skipCRC32: true,
            provider: { _, size in
                // Always hand over `size` bytes: the zlib decoder assumes a full buffer. Past the end of
                // the entry we pad with zeros once (a complete stream ends before reaching them) and
                // refuse to provide more after that.
                if position >= range.upperBound {
                    if paddedOnce { throw Failure.exhaustedInput }
                    paddedOnce = true
                }
                let end = min(position + size, range.upperBound)
                var chunk = Data(position < end ? bytes[position..<end] : [])
                if chunk.count < size {
                    chunk.append(Data(count: size - chunk.count))
                    paddedOnce = true
                }
                position = max(position, end)
                return chunk
            },
            consumer: { chunk in
                count += chunk.count
                guard count <= limit else { throw Failure.exceededLimit }
                if output.count < keep { output.append(contentsOf: chunk.prefix(keep - output.count)) }
            })
        return (output, count)
    }
}
