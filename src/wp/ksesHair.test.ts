import { ksesHair } from './ksesHair';

describe('ksesHair', () => {
  it('parses quoted, unquoted and valueless attributes', () => {
    expect(ksesHair(`href="x" title='t' data=y selected`)).toEqual([
      { name: 'href', value: 'x', whole: 'href="x"', valueless: false },
      { name: 'title', value: 't', whole: "title='t'", valueless: false },
      { name: 'data', value: 'y', whole: 'data="y"', valueless: false },
      { name: 'selected', value: '', whole: 'selected', valueless: true },
    ]);
  });

  it('keeps the first of duplicate names and skips garbage', () => {
    expect(ksesHair(' a=1 a=2 ### b = "2"')).toEqual([
      { name: 'a', value: '1', whole: 'a="1"', valueless: false },
      { name: 'b', value: '2', whole: 'b="2"', valueless: false },
    ]);
  });

  it('cleans URL attributes only', () => {
    expect(ksesHair('href="javascript:alert(1)" title="javascript:x"')).toEqual([
      { name: 'href', value: 'alert(1)', whole: 'href="alert(1)"', valueless: false },
      { name: 'title', value: 'javascript:x', whole: 'title="javascript:x"', valueless: false },
    ]);
  });

  it('accepts a closing slash after the last value', () => {
    expect(ksesHair('title="x"/')).toEqual([{ name: 'title', value: 'x', whole: 'title="x"', valueless: false }]);
  });
});
