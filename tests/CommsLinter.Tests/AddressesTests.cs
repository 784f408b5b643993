using CommsLinter.Text;

namespace CommsLinter.Tests;

/// <summary>Which tokens are addresses, and which matches inside them rules must not report.</summary>
public sealed class AddressesTests
{
    [Theory]
    [InlineData("www.oknanowak.pl", true)]
    [InlineData("oknanowak.pl/zwroty", true)]
    [InlineData("pomoc@oknanowak.pl", true)]
    [InlineData("mailto:pomoc@oknanowak.pl", true)]
    [InlineData("tel:+48223074100", true)]
    [InlineData("https://oknanowak.pl", true)]
    [InlineData("regulamin.pdf", true)]
    [InlineData("окна.рф", true)]
    [InlineData("m.in", false)]
    [InlineData("Sp.z.o.o", false)]
    [InlineData("т.е", false)]
    [InlineData("p.es", false)]
    [InlineData("okna.Zapraszamy", false)]
    [InlineData("tak/nie", false)]
    [InlineData("14.03.2027", false)]
    public void Tokens_are_addresses_by_shape(string token, bool isAddress) =>
        Assert.Equal(isAddress, Addresses.IsAddress(token));

    [Theory]
    [InlineData("Zobacz www.{oknanowak}.pl.", true)]
    [InlineData("Pisz: {pomoc}@oknanowak.pl", true)]
    [InlineData("Scriva a info@{oknanowak}.it!", true)]
    [InlineData("(см. {окна}.рф/акции)", true)]
    [InlineData("Marka to {oknanowak}.", false)]
    [InlineData("Marka: „{oknanowak}”, nie inna.", false)]
    [InlineData("Domena to {oknanowak.pl}.", false)]
    [InlineData("The {best}.Call us", false)]
    public void A_match_inside_an_address_is_hidden_unless_it_is_the_whole_token(string marked, bool hidden)
    {
        var start = marked.IndexOf('{', StringComparison.Ordinal);
        var end = marked.IndexOf('}', StringComparison.Ordinal) - 1;
        var text = marked.Remove(end + 1, 1).Remove(start, 1);
        Assert.Equal(hidden, Addresses.HidesMatch(text, start, end - start));
    }
}
