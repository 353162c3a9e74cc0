namespace Hotline.Tests;

public class SmokeTests
{
    [Fact]
    public void Solution_builds_and_tests_run() => Assert.Equal(2, 1 + 1);
}
