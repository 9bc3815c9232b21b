using LoginGuard.Contracts;
using LoginGuard.Tools.Generation.Devices;
using LoginGuard.Tools.Generation.Geo;
using LoginGuard.Tools.Generation.People;
using LoginGuard.Tools.Generation.Profiles;

namespace LoginGuard.Tools.Generation.Behavior;

/// <summary>One study session: the learner signs in (sometimes after a typo or a forgotten password) and now and then tidies up their account.</summary>
internal sealed class SessionPlayer(GeoCatalogue geo, EventLog log, Random random, GenerationProfile profile)
{
    private readonly Connections connections = new(geo, random, profile);

    public void Play(Learner learner, DateOnly localDay, DateTimeOffset at)
    {
        var device = ChooseDevice(learner);
        var (ip, placeLabel) = connections.Choose(learner, device, localDay);
        var actor = Actor.On(device, ip, learner.Locale);

        // Taken whatever this session turns out to be (a recovery, a trip), so a later sign-in never carries a
        // change it did not make.
        var pending = TakePending(device);
        if (learner.NeedsRecovery)
        {
            Recovery.Play(learner, at, actor, log, random);
            return;
        }

        var label = placeLabel ?? pending ?? Label.Normal;
        var roll = random.NextDouble();
        if (roll < 0.04)
        {
            label = label == Label.Normal ? Label.Benign("typo") : label;
            Typos(learner, at, actor, label);
        }
        else if (roll < 0.042)
        {
            label = Label.Benign("forgot-password");
            at = ForgotPassword(learner, at, actor, label);
        }

        log.SignIn(learner, at, actor, label);
        Chores(learner, at, actor);
        if (placeLabel is null)
        {
            PrivateWindow(device, at, actor, learner);
        }
    }

    /// <summary>
    /// Now and then the learner signs in again in a private window, minutes later and from the same place:
    /// the same browser, and a cookie that vanishes with the window. Only on the learner's usual connection,
    /// so the window's label never hides a VPN exit or a trip.
    /// </summary>
    private void PrivateWindow(Device device, DateTimeOffset at, Actor actor, Learner learner)
    {
        if (device.Kind.IsApp || device.Cookie is null || random.NextDouble() >= 0.01)
        {
            return;
        }

        var window = actor with { DeviceId = DeviceCookies.New(device.Kind, random) };
        log.SignIn(learner, at.AddMinutes(random.Next(2, 40)), window, Label.Benign("private-window"));
    }

    private Device ChooseDevice(Learner learner)
    {
        var devices = learner.ActiveDevices.ToList();

        // The first device is the learner's usual one and gets about half the sessions.
        return random.NextDouble() < 0.5 ? devices[0] : devices[random.Next(devices.Count)];
    }

    private static Label? TakePending(Device device)
    {
        var pending = device.PendingScenario;
        device.PendingScenario = null;
        return pending is null ? null : Label.Benign(pending);
    }

    private void Typos(Learner learner, DateTimeOffset at, Actor actor, Label label)
    {
        var reason = learner.MfaEnabled && random.NextDouble() < 0.3 ? FailureReason.MfaFailed : FailureReason.BadPassword;
        for (var typos = random.Next(1, 3); typos > 0; typos--)
        {
            log.Failure(learner, at.AddSeconds(-typos * random.Next(6, 25)), actor, label, reason);
        }
    }

    private DateTimeOffset ForgotPassword(Learner learner, DateTimeOffset at, Actor actor, Label label)
    {
        for (var attempt = random.Next(2, 4); attempt > 0; attempt--)
        {
            log.Failure(learner, at, actor, label, FailureReason.BadPassword);
            at = at.AddSeconds(random.Next(10, 40));
        }

        at = at.AddMinutes(random.Next(2, 9));
        log.Record(learner, AuthEventType.PasswordReset, at, actor, label);
        return at.AddSeconds(random.Next(30, 120));
    }

    private void Chores(Learner learner, DateTimeOffset at, Actor actor)
    {
        if (random.NextDouble() < 0.003)
        {
            log.Record(learner, AuthEventType.PasswordChanged, at.AddMinutes(random.Next(1, 6)), actor, Label.Benign("password-change"));
        }
        else if (!learner.MfaEnabled && random.NextDouble() < 0.002)
        {
            learner.MfaEnabled = true;
            log.Record(learner, AuthEventType.MfaEnabled, at.AddMinutes(random.Next(1, 6)), actor, Label.Benign("mfa-enabled"));
        }
    }
}
