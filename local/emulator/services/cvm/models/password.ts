const SPECIALS = "()`~!@#$%^&*-+=|{}[]:;',.?/";

/**
 * The reason a password breaks the rules of reference §4.6, or undefined: Linux 8–30 characters of at
 * least 2 classes (lower, upper, digits, specials), Windows 12–30 characters of at least 3. The reason
 * never contains the password itself.
 */
export function passwordProblem(password: string, windows: boolean): string | undefined {
  const minLength = windows ? 12 : 8;
  if (password.length < minLength || password.length > 30) {
    return `${windows ? 'Windows' : 'Linux'} passwords must be ${minLength} to 30 characters long`;
  }
  const allowed = [...password].every((char) => /[A-Za-z0-9]/.test(char) || SPECIALS.includes(char));
  if (!allowed) return `only letters, digits and the characters ${SPECIALS} are allowed`;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
  const minClasses = windows ? 3 : 2;
  if (classes < minClasses) {
    return `at least ${minClasses} of lowercase letters, uppercase letters, digits and special characters are required`;
  }
  return undefined;
}
