namespace OutOfDark.Warnings;

/// <summary>
/// The notification port: a host subscribes with <see cref="WarningEngine.Subscribe"/> to hear when rules raise,
/// change or clear warnings (for example to send an email or open a CRM task).
/// </summary>
/// <remarks>
/// Calls come on the thread that ran the evaluation, after the engine has kept its new results. An observer that
/// throws does not stop the others; the engine throws an <see cref="System.AggregateException"/> of the observers'
/// exceptions after notifying all of them.
/// </remarks>
public interface IWarningObserver
{
    /// <summary>A rule raised a warning that was not present.</summary>
    /// <param name="warning">The warning.</param>
    void OnRaised(Warning warning);

    /// <summary>A present warning changed severity, message or evidence.</summary>
    /// <param name="previous">The warning before.</param>
    /// <param name="current">The warning now.</param>
    void OnChanged(Warning previous, Warning current);

    /// <summary>A warning's condition stopped holding (or its subject or rule went away), so it cleared itself.</summary>
    /// <param name="previous">The warning as it last was.</param>
    void OnCleared(Warning previous);

    /// <summary>A rule failed on a subject. Does nothing unless overridden.</summary>
    /// <param name="failure">The failure.</param>
    void OnRuleFailed(RuleFailure failure)
    {
    }
}
