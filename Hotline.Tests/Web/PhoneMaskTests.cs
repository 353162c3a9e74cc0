using Hotline.Web.Security;

namespace Hotline.Tests.Web;

public sealed class PhoneMaskTests
{
    [Theory]
    [InlineData("13812341234", "138****1234")]
    [InlineData("02512345678", "025****5678")]
    [InlineData("12345678", "12****78")]
    [InlineData("+8613812341234", "+86****1234")]
    [InlineData("12345", "****5")]
    [InlineData("1234", "****")]
    public void Mask_hides_the_middle_of_a_number(string number, string masked)
        => Assert.Equal(masked, PhoneMask.Mask(number));

    [Fact]
    public void Mask_always_hides_at_least_four_characters()
    {
        for (var length = 1; length <= 20; length++)
        {
            var number = new string('9', length);
            var masked = PhoneMask.Mask(number)!;
            Assert.True(masked.Replace("****", "").Length <= Math.Max(0, length - 4), $"length {length}: {masked}");
        }
    }

    [Fact]
    public void Mask_leaves_a_missing_number_missing()
    {
        Assert.Null(PhoneMask.Mask(null));
        Assert.Equal("", PhoneMask.Mask(""));
    }
}
