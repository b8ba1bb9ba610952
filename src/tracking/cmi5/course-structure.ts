/**
 * `cmi5.xml`, the course structure of §13–14, written from the compiled course: the course and
 * one AU (the whole player), launched by `index.html` relative to the package (§13.1.4 url: "If
 * the URL is relative, it is relative to the course structure file").
 *
 * - moveOn: `CompletedAndPassed` when the course has a passing score, else `Completed` (the course
 *   is complete when every lesson is, `CompletionRule.requireAllLessons`).
 * - masteryScore: the passing score / 100 (a decimal 0–1, §13.1.4).
 * - Ids are URNs built from the course id: not links, and stable across versions of the course.
 */
import type { CompiledCourse } from '../../content/types.ts';
import type { MoveOn } from './launch.ts';

export const CMI5_XML_FILE = 'cmi5.xml';
export const CMI5_SCHEMA_FILE = 'CourseStructure.xsd';
export const CMI5_NAMESPACE = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';
/** The page the LMS launches, relative to cmi5.xml. */
export const CMI5_LAUNCH_FILE = 'index.html';

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export interface AuRule {
  moveOn: MoveOn;
  masteryScore?: number;
}

/** The AU's moveOn and masteryScore from the course's completion rule. */
export function auRule(course: Pick<CompiledCourse, 'completion'>): AuRule {
  const passing = course.completion.passingScore;
  if (passing === undefined) return { moveOn: 'Completed' };
  // Four decimals at most (§10.2.4 value space).
  return { moveOn: 'CompletedAndPassed', masteryScore: Math.round(passing * 100) / 10_000 };
}

export function courseIri(courseId: string): string {
  return `urn:course-player:${encodeURIComponent(courseId)}`;
}

export function auIri(courseId: string): string {
  return `${courseIri(courseId)}:au:course`;
}

/**
 * @example
 * cmi5Xml(course).includes('moveOn="CompletedAndPassed" masteryScore="0.8"') // → true for a passing score of 80
 */
export function cmi5Xml(course: Pick<CompiledCourse, 'id' | 'locale' | 'title' | 'description' | 'completion'>): string {
  const rule = auRule(course);
  const text = (value: string, indent: string) => `${indent}<langstring lang="${escape(course.locale)}">${escape(value)}</langstring>`;
  // The course and its one AU carry the same title and description.
  const titleAndDescription = `    <title>
${text(course.title, '      ')}
    </title>
    <description>
${text(course.description, '      ')}
    </description>
`;
  const attributes = [`id="${escape(auIri(course.id))}"`, `moveOn="${rule.moveOn}"`];
  if (rule.masteryScore !== undefined) attributes.push(`masteryScore="${rule.masteryScore}"`);
  attributes.push('launchMethod="AnyWindow"');
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="${CMI5_NAMESPACE}"
                 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                 xsi:schemaLocation="${CMI5_NAMESPACE} ${CMI5_SCHEMA_FILE}">
  <course id="${escape(courseIri(course.id))}">
${titleAndDescription}  </course>
  <au ${attributes.join(' ')}>
${titleAndDescription}    <url>${CMI5_LAUNCH_FILE}</url>
  </au>
</courseStructure>
`;
}

export const TINCAN_XML_FILE = 'tincan.xml';
/** The activity type of the course in `tincan.xml` (ADL's course activity type). */
export const COURSE_ACTIVITY_TYPE = 'http://adlnet.gov/expapi/activities/course';

/**
 * `tincan.xml` of the plain xAPI package (Rustici's TinCan package format): one activity, the
 * course (its id is the one the player reports on when the LMS passes no `activity_id`), with the
 * launch file relative to the package.
 *
 * @example
 * tincanXml(course).includes('<launch lang="en">index.html</launch>') // → true
 */
export function tincanXml(course: Pick<CompiledCourse, 'id' | 'locale' | 'title' | 'description'>): string {
  const lang = escape(course.locale);
  return `<?xml version="1.0" encoding="UTF-8"?>
<tincan xmlns="http://projecttincan.com/tincan.xsd">
  <activities>
    <activity id="${escape(courseIri(course.id))}" type="${COURSE_ACTIVITY_TYPE}">
      <name lang="${lang}">${escape(course.title)}</name>
      <description lang="${lang}">${escape(course.description)}</description>
      <launch lang="${lang}">${CMI5_LAUNCH_FILE}</launch>
    </activity>
  </activities>
</tincan>
`;
}
