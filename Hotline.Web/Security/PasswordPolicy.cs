namespace Hotline.Web.Security;

/// <summary>What a new password must be: long enough, and 3 of the 4 kinds of characters; messages in Chinese.</summary>
public static class PasswordPolicy
{
    /// <summary>The reasons the password is refused; empty when it is acceptable.</summary>
    public static IReadOnlyList<string> Check(string? password, int minLength, string? userName = null)
    {
        var problems = new List<string>();
        password ??= "";
        if (password.Length < minLength)
        {
            problems.Add($"密码至少 {minLength} 位");
        }

        var kinds = (password.Any(char.IsUpper) ? 1 : 0) + (password.Any(char.IsLower) ? 1 : 0)
            + (password.Any(char.IsDigit) ? 1 : 0) + (password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);
        if (kinds < 3)
        {
            problems.Add("密码须包含大写字母、小写字母、数字、符号中的至少三类");
        }

        if (!string.IsNullOrEmpty(userName) && password.Contains(userName, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("密码不能包含用户名");
        }

        return problems;
    }
}
