export * from './occupation-skill.entity';
export * from './occupation.entity';
export * from './skill-broader.entity';
export * from './skill-group.entity';
export * from './skill.entity';
export * from './taxonomy-import.entity';
