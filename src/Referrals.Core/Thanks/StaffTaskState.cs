namespace Referrals.Core.Thanks;

/// <summary>Where a <see cref="StaffTask"/> is: Open until someone marks it done or cancels it.</summary>
public enum StaffTaskState
{
    /// <summary>Waiting for a person.</summary>
    Open = 0,

    /// <summary>Done, by <see cref="StaffTask.DoneBy"/> at <see cref="StaffTask.DoneAt"/>.</summary>
    Done,

    /// <summary>Will not be done.</summary>
    Cancelled,
}
