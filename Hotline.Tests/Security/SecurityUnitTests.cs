using Hotline.Web.Security;
using Microsoft.Extensions.Configuration;

namespace Hotline.Tests.Security;

public sealed class SecurityUnitTests
{
    [Theory]
    [InlineData("Demo@12345")]
    [InlineData("correct-Horse-battery")]
    [InlineData("长密码很安全Abc123")]
    public void A_long_password_with_three_kinds_of_characters_is_accepted(string password)
        => Assert.Empty(PasswordPolicy.Check(password, 10));

    [Theory]
    [InlineData("Ab1!", "密码至少 10 位")]
    [InlineData("abcdefghijkl", "至少三类")]
    [InlineData("ABCDEFGH1234", "至少三类")]
    [InlineData("", "密码至少 10 位")]
    public void A_weak_password_is_refused_with_a_chinese_reason(string password, string reason)
        => Assert.Contains(PasswordPolicy.Check(password, 10), p => p.Contains(reason, StringComparison.Ordinal));

    [Fact]
    public void A_password_containing_the_user_name_is_refused()
        => Assert.Contains("密码不能包含用户名", PasswordPolicy.Check("Wang.Xiaoming#2026", 10, "wang.xiaoming"));

    [Fact]
    public void An_xlsx_upload_that_is_a_zip_within_the_size_is_accepted()
        => Assert.Empty(UploadCheck.Check("排班.xlsx", 2048, [0x50, 0x4B, 0x03, 0x04, 0x14], 5_000_000, [".xlsx", ".csv"]));

    [Theory]
    [InlineData("roster.exe", 100, new byte[] { 0x4D, 0x5A }, "只接受")]
    [InlineData("roster.xlsx", 100, new byte[] { 0x3C, 0x68, 0x74, 0x6D }, "不符")]
    [InlineData("roster.xlsx", 9_000_000, new byte[] { 0x50, 0x4B, 0x03, 0x04 }, "文件过大")]
    [InlineData("roster.csv", 100, new byte[] { 0x41, 0x00, 0x42 }, "不符")]
    [InlineData("roster.csv", 0, new byte[0], "文件为空")]
    [InlineData(null, 100, new byte[] { 0x41 }, "只接受")]
    public void Uploads_of_the_wrong_type_or_size_are_refused_with_a_chinese_reason(string? name, long length, byte[] head, string reason)
        => Assert.Contains(UploadCheck.Check(name, length, head, 5_000_000, [".xlsx", ".csv"]), p => p.Contains(reason, StringComparison.Ordinal));

    [Fact]
    public void A_csv_upload_of_plain_text_is_accepted()
        => Assert.Empty(UploadCheck.Check("roster.CSV", 30, "工号,姓名\r\nA001,王伟\r\n"u8, 5_000_000, [".xlsx", ".csv"]));

    [Fact]
    public void Configured_secrets_are_found_by_their_setting_names()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hotline:Telephony:Asterisk:Nodes:0:Ami:Secret"] = "ami-pass",
            ["Hotline:Telephony:Asterisk:Nodes:0:Ari:Password"] = "ari-pass",
            ["Hotline:Wallboard:DeviceTokens:0"] = "floor-token",
            ["ConnectionStrings:Hotline"] = "Host=db;Username=hotline;Password=pg-pass;Database=hotline",
            ["Hotline:TimeZone"] = "Asia/Shanghai",
        }).Build();

        var secrets = SecretRedactor.SecretsIn(configuration);

        Assert.Equal(["ami-pass", "ari-pass", "floor-token", "pg-pass"], secrets.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Secrets_and_token_query_values_are_masked_in_log_text()
    {
        var text = SecretRedactor.RedactText("GET /wallboard?token=abc123&x=1 login with ami-pass then /hubs/live?access_token=zzz", ["ami-pass"]);

        Assert.Equal("GET /wallboard?token=***&x=1 login with *** then /hubs/live?access_token=***", text);
    }
}
