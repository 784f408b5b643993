using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace CommsLinter.LanguageServer;

/// <summary>
/// Header-delimited JSON-RPC that survives a message it cannot read. StreamJsonRpc ends the whole
/// connection on one malformed message; an editor's server must instead drop that message (its bytes
/// are already read) and go on with the next, so one bad client message never kills the session. A
/// header that cannot be read is another matter: where the next message starts is lost, so the
/// connection ends and the editor starts a new server, rather than one waiting forever.
/// </summary>
internal sealed class TolerantMessageHandler(Stream output, Stream input, IJsonRpcMessageFormatter formatter, TextWriter log)
    : HeaderDelimitedMessageHandler(output, input, formatter)
{
    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await base.ReadCoreAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not (OperationCanceledException or IOException or ObjectDisposedException or EndOfStreamException or BadRpcHeaderException))
            {
                await log.WriteLineAsync($"commslint lsp: dropped a message that could not be read: {ex.Message}").ConfigureAwait(false);
            }
        }
    }
}
