namespace OutOfDark.Warnings;

/// <summary>The name emotion rules give a persona: found without allocating, since they look it up on every check that raises.</summary>
internal static class PersonaName
{
    /// <summary>The persona's name, or its id when the journey has no such persona.</summary>
    /// <param name="journey">The journey.</param>
    /// <param name="id">The persona.</param>
    /// <returns>The name.</returns>
    public static string Of(Journey journey, PersonaId id)
    {
        var personas = journey.Personas;
        for (var i = 0; i < personas.Count; i++)
        {
            if (personas[i].Id == id)
            {
                return personas[i].Name;
            }
        }

        return id.ToString();
    }
}
