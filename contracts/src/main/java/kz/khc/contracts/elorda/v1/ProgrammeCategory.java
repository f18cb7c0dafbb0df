package kz.khc.contracts.elorda.v1;

/** The categories of the Elorda Zhastary programme; each has its own ranked list (DOMAIN.md, "Categories"). */
public enum ProgrammeCategory {
	HEALTHCARE, EDUCATION, CULTURE, SPORT, SOCIAL_PROTECTION, UNIVERSITIES_AND_RESEARCH, MEDIA,
	MUNICIPAL_ENTERPRISES, POLICE, EMERGENCY, ORPHANS
}
