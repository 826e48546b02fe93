"""The web application in a real browser (Debian's chromium through selenium), as its people use it:

1. a unit member (ld.s, Phòng Lao động - Việc làm) signs in, sees the activities of their unit, records a
   result with a file, and signs out;
2. the Văn phòng Sở (vanphong, administrator) signs in, sees the result on the board, downloads the .docx
   (opened and checked to contain the result), and submits the period;
3. the unit member's next result in the locked period is refused on the page, with the reason.

A screenshot of every page goes to --shots. Run by Tests/Browser/run.sh (which prepares the database and
starts the server).
"""

import argparse
import io
import os
import sys
import time
import urllib.request
import zipfile

os.environ["SE_OFFLINE"] = "true"  # never let Selenium Manager try to download a driver

from selenium.common.exceptions import WebDriverException
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

RESULT = "Phối hợp tổ chức hội nghị đối thoại với người lao động về dịch vụ công trực tuyến"
LATE = "Kết quả ghi sau khi kỳ đã khóa"

failures = []
shot_count = [0]


def check(condition, message):
    print(("  ok   " if condition else "  FAIL ") + message)
    if not condition:
        failures.append(message)


class Session:
    def __init__(self, base, shots):
        self.base = base
        self.shots = shots
        options = webdriver.ChromeOptions()
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=1280,900", "--lang=vi-VN"]:
            options.add_argument(argument)
        options.binary_location = "/usr/bin/chromium"
        self.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        self.driver.set_page_load_timeout(30)

    def open(self, path):
        self.driver.get(self.base + path)

    def shot(self, name):
        shot_count[0] += 1
        height = self.driver.execute_script("return Math.max(document.body.scrollHeight, 900)")
        self.driver.set_window_size(1280, min(height, 4000))
        path = os.path.join(self.shots, f"{shot_count[0]:02d}-{name}.png")
        self.driver.save_screenshot(path)
        self.driver.set_window_size(1280, 900)

    def submit(self, element):
        """Clicks a button that loads a new page, and waits for that page."""
        page = self.driver.find_element(By.TAG_NAME, "html")
        element.click()

        def replaced(driver):
            # While the old document is being torn down chromedriver may answer "Node with given id does not
            # belong to the document" (a plain WebDriverException) instead of a stale-element error: the
            # page has gone either way.
            try:
                return expected_conditions.staleness_of(page)(driver)
            except WebDriverException:
                return True

        WebDriverWait(self.driver, 20).until(replaced)
        WebDriverWait(self.driver, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "body").text

    def sign_in(self, login, password):
        self.open("/login")
        self.driver.find_element(By.ID, "username").send_keys(login)
        self.driver.find_element(By.ID, "password").send_keys(password)
        self.submit(self.driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))

    def sign_out(self):
        self.submit(self.driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button"))

    def cookie_header(self):
        return "; ".join(f"{c['name']}={c['value']}" for c in self.driver.get_cookies())

    def quit(self):
        self.driver.quit()


def record(browser, activity_link_text, date, text, evidence=None):
    """Opens the unit's home, follows the activity's "Ghi kết quả" button and fills the form."""
    browser.open("/")
    row = browser.driver.find_element(
        By.XPATH, f"//tr[.//a[contains(text(), '{activity_link_text}')]]")
    browser.submit(row.find_element(By.LINK_TEXT, "Ghi kết quả"))
    date_field = browser.driver.find_element(By.ID, "date")
    date_field.clear()
    date_field.send_keys(date)
    browser.driver.find_element(By.ID, "text").send_keys(text)
    browser.driver.find_element(By.ID, "quantity").send_keys("1")
    browser.driver.find_element(By.ID, "quantity_unit").send_keys("hội nghị")
    if evidence:
        browser.driver.find_element(By.ID, "file").send_keys(os.path.abspath(evidence))
    browser.shot("ghi-ket-qua")
    browser.submit(browser.driver.find_element(By.CSS_SELECTOR, "form.record button[type=submit]"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--shots", required=True)
    parser.add_argument("--evidence", required=True)
    args = parser.parse_args()
    started = time.time()

    print("1. A unit member records a result with a file")
    unit = Session(args.base, args.shots)
    unit.open("/")
    check("/login" in unit.driver.current_url, "without a session the home page sends to sign-in")
    unit.shot("dang-nhap")
    unit.sign_in("ld.s", "sai-mat-khau-nhe")
    check("Tên đăng nhập hoặc mật khẩu không đúng" in unit.text(), "a wrong password is refused in Vietnamese")
    unit.sign_in("ld.s", "can-bo-phong-lao-dong")
    body = unit.text()
    check("Việc của tôi" in body and "Phòng Lao động - Việc làm" in body, "the unit member sees Việc của tôi")
    check("#1#II.3.b" in body, "the activity their group leads (II.3.b) is listed")
    unit.shot("viec-cua-toi")
    record(unit, "#1#II.3.b", "05/06/2024", RESULT, evidence=args.evidence)
    body = unit.text()
    check("Đã ghi kết quả #" in body, "the result is recorded")
    check(RESULT in body and "bien-ban-hoi-nghi-2024-05-28.pdf" in body, "the activity page shows it with its file")
    unit.shot("hoat-dong")
    unit.sign_out()
    check("/login" in unit.driver.current_url, "signing out returns to the sign-in page")
    unit.quit()

    print("2. The Văn phòng Sở sees it on the board, downloads the report and submits the period")
    office = Session(args.base, args.shots)
    office.sign_in("vanphong", "quan-tri-vien-van-phong")
    office.open("/bang-theo-doi?ky=2024-Q2&che-do=cchc")
    body = office.text()
    check("Quý II năm 2024" in body and "15/03/2024 – 14/06/2024" in body, "the board shows the window")
    row = office.driver.find_element(By.XPATH, "//tr[th[contains(., 'các phòng chuyên môn, nghiệp vụ thuộc Sở')]]")
    cells = [cell.text for cell in row.find_elements(By.TAG_NAME, "td")]
    check(len(cells) >= 2 and cells[1] == "1", f"the group's line counts the result as reported ({cells})")
    office.shot("bang-theo-doi")
    office.open("/bao-cao?ky=2024-Q2&che-do=cchc")
    check(RESULT in office.text(), "the report preview contains the result")
    office.shot("bao-cao")
    link = office.driver.find_element(By.PARTIAL_LINK_TEXT, "Word (.docx)").get_attribute("href")
    request = urllib.request.Request(link, headers={"Cookie": office.cookie_header()})
    with urllib.request.urlopen(request) as response:
        disposition = response.headers.get("Content-Disposition", "")
        data = response.read()
    check(disposition.startswith("attachment;"), "the .docx comes as an attachment")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        document = package.read("word/document.xml").decode("utf-8")
        check(package.testzip() is None, "the .docx opens (every part reads)")
    check(RESULT in document, "the .docx contains the result")
    office.submit(office.driver.find_element(By.CSS_SELECTOR, "form.submit button[type=submit]"))
    check("Đã nộp báo cáo: bản số 1" in office.text(), "the submission shows its version and hash")
    office.shot("nop-bao-cao")
    office.sign_out()
    office.quit()

    print("3. In the locked period the unit member's result is refused on the page")
    late = Session(args.base, args.shots)
    late.sign_in("ld.s", "can-bo-phong-lao-dong")
    record(late, "#1#II.3.b", "06/06/2024", LATE)
    body = late.text()
    check("Kỳ báo cáo 2024-Q2 đã khóa" in body, "the refusal names the locked period")
    late.shot("ky-da-khoa")
    late.open("/hoat-dong/" + late.driver.current_url.rstrip("/").split("/")[-2])
    check(LATE not in late.text(), "nothing was stored")
    late.sign_out()
    late.quit()

    print(f"{len(failures)} failure(s), {time.time() - started:.1f} s; screenshots in {args.shots}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
