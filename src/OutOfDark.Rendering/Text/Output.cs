using Ardalis.GuardClauses;
using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace OutOfDark.Rendering;

/// <summary>Bridges the renderers' text writers to streams.</summary>
internal static class Output
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Renders into memory, then writes the text to the stream asynchronously, leaving the stream open.</summary>
    public static async Task WriteAsync(Stream stream, Action<TextWriter> render, CancellationToken cancellationToken)
    {
        Guard.Against.Null(stream);
        cancellationToken.ThrowIfCancellationRequested();
        var builder = new StringBuilder();
        using (var memory = new StringWriter(builder, CultureInfo.InvariantCulture))
        {
            render(memory);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var writer = new StreamWriter(stream, Utf8, bufferSize: 1 << 16, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteAsync(builder, cancellationToken).ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
